import { FaultSystem, summary } from './fault-system.js';

export interface Outage {
  /** Names the fault system's log directory and the printed counts. */
  name: string;
  title: string;
  dependency: string;
  downMs: number;
  afterMs: number;
  down(system: FaultSystem): Promise<void>;
  up(system: FaultSystem): Promise<void>;
  /** Ingress must have refused (503) while the dependency was down. */
  refusesWhileDown: boolean;
}

/**
 * One api and one worker under 16 senders; the dependency goes down 3 s into the load and comes back
 * `downMs` later. Every accepted event must run exactly once afterwards, on the same processes.
 */
export function describeOutage(outage: Outage): void {
  describe(`Fault: ${outage.title}`, () => {
    const system = new FaultSystem(outage.name);

    beforeAll(() => system.start(1), 120000);
    afterAll(() => system.close(), 60000);

    it('loses no accepted event, runs each once, and recovers without a restart', async () => {
      const flow = await system.createFlow();
      const [worker] = system.workers;
      let whileDown = { accepted: 0, refused: 0 };
      const load = await system.load(flow, {
        senders: 16,
        faultAfterMs: 3000,
        afterMs: outage.afterMs,
        fault: async (live) => {
          whileDown = await FaultSystem.outage(
            live,
            outage.downMs,
            () => outage.down(system),
            () => outage.up(system),
          );
        },
      });

      const outcome = await system.outcome(flow, load.accepted, 60000);
      const recovered = await system.recovery(flow, [worker]);
      const label = outage.name.replace('-', ' ');
      console.log(
        summary(
          label,
          load,
          outcome,
          `${whileDown.accepted} accepted and ${whileDown.refused} refused while ${outage.dependency} was down (${outage.downMs} ms); logs in ${system.logDir}`,
        ),
      );
      console.log(
        `${label}: api pid ${system.api!.pid} ${system.api!.exitDescription}, worker pid ${worker.pid} ${worker.exitDescription}; ` +
          `/health 200 after ${recovered.healthMs} ms; fresh webhook final after ${recovered.freshMs} ms`,
      );
      const problems = [...FaultSystem.problems(load, outcome), ...recovered.problems];
      if (outage.refusesWhileDown && whileDown.refused === 0)
        problems.push(`ingress never answered 503 while ${outage.dependency} was down`);
      expect(problems).toEqual([]);
    }, 170000);
  });
}
