import { CaseRunner } from './case-runner.js';
import type { FuzzCase } from './fuzz-case.js';
import { violationsOf } from './fuzz-checks.js';
import type { FuzzReport } from './fuzz-report.js';
import type { FuzzWorld } from './fuzz-world.js';
import type { LateValues } from './late-values.js';
import type { FuzzOperation } from './openapi-operations.js';
import { readBackEverything } from './read-back.js';
import { ResponseValidator } from './response-validator.js';

/** Sends the cases in order (the main ones, then the read-back of everything stored, then the last ones) and records each outcome. */
export class FuzzSession {
  private readonly runner: CaseRunner;
  private readonly validator = new ResponseValidator();
  /** Read-back requests are numbered after the generated cases. */
  private nextReadIndex = 0;

  constructor(
    baseUrl: string,
    world: FuzzWorld,
    late: LateValues,
    private readonly operations: FuzzOperation[],
    private readonly report: FuzzReport,
  ) {
    this.runner = new CaseRunner(baseUrl, world, late);
  }

  async run(cases: FuzzCase[]): Promise<void> {
    this.nextReadIndex = cases.length;
    for (const fuzzCase of cases.filter((c) => c.phase === 'main')) await this.send(fuzzCase);
    await readBackEverything((key, path, query) => this.read(key, path, query));
    for (const fuzzCase of cases.filter((c) => c.phase === 'last')) await this.send(fuzzCase);
  }

  /** The body of a 2xx answer, else ''. */
  private async send(fuzzCase: FuzzCase): Promise<string> {
    const { sent, response } = await this.runner.run(fuzzCase);
    this.report.add({ fuzzCase, sent, response, violations: violationsOf(fuzzCase, response, this.validator) });
    return response.status >= 200 && response.status < 300 ? response.text : '';
  }

  /** A read-back request as the owner; the parsed body of a 2xx. */
  private async read(key: string, path: Record<string, string> = {}, query = ''): Promise<unknown> {
    const operation = this.operations.find((candidate) => candidate.key === key);
    if (!operation) throw new Error(`read-back: the document has no operation ${key}`);
    const index = this.nextReadIndex++;
    const text = await this.send({
      index,
      operation,
      kind: 'valid',
      inputClass: 'read back what is stored',
      mustRefuse: false,
      phase: 'readback',
      request: {
        pathParams: path,
        query: query ? query.split('&').map((pair) => pair.split('=') as [string, string]) : [],
        headers: {},
        actor: 'owner',
      },
      ip: `10.199.${(index >> 8) & 255}.${index & 255}`,
    });
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}
