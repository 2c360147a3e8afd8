// The `hostile` group of `npm run bench`: how long another tenant waits while templates built to
// stall the process run (issue #17). Loopback only.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connect,
  createDatabase,
  deleteRedisKeys,
  dropDatabase,
  json,
  load,
  sleep,
  startFlowhook,
  stop,
} from './support.mjs';

/** Templates that held the event loop for seconds before they were bounded, with a body that triggers each. */
const ATTACKS = [
  { name: 'regex /(a+)+$/', template: '{{ $match(trigger.body.s, /(a+)+$/) }}', body: { s: `${'a'.repeat(29)}b` } },
  {
    name: 'regex /(a+)+$/ on 100 KB',
    template: '{{ $count($match(trigger.body.s, /(a+)+$/)) }}',
    body: { s: `${'a'.repeat(100_000)}b` },
  },
  {
    name: 'regex /^(a|a)*$/',
    template: '{{ $contains(trigger.body.s, /^(a|a)*$/) }}',
    body: { s: `${'a'.repeat(34)}b` },
  },
  { name: '$distinct([1..99999])', template: '{{ $count($distinct([1..99999])) }}', body: {} },
  {
    name: '$distinct of a 480 KB body',
    template: '{{ $count($distinct(trigger.body.items)) }}',
    body: {
      items: Array.from({ length: 12_000 }, (_, index) => ({ id: index % 9_000, sku: `sku-${index % 9_000}`, qty: 1 })),
    },
  },
  {
    name: 'string doubling',
    template: '{{ ($f := function($s, $n) { $n = 0 ? $s : $f($s & $s, $n - 1) }; $length($f("x", 19))) }}',
    body: {},
  },
];

/** Victim load: light, paced, on another tenant's webhook and on GET /health. */
const VICTIM_WEBHOOKS_PER_SECOND = 50;
const VICTIM_HEALTH_PER_SECOND = 20;

/**
 * One `all` process. A tenant posts webhooks to workflows whose transform applies one of ATTACKS,
 * one at a time (the next once the last execution is done), then four at a time, for `duration`
 * seconds each, while another tenant's webhook and GET /health are loaded lightly. Records the
 * victim's max and p99 latency with and without the attacks, and how the attacking nodes ended
 * (node timings include loading the trigger input: up to 480 KB here).
 */
export async function hostileScenario({ record, secrets, runId, duration }) {
  const name = `flowhook_bench_hostile_${runId}`;
  const databaseUrl = await createDatabase(name);
  const logFile = join(tmpdir(), 'flowhook-bench', `hostile-${runId}.log`);
  const port = 3800 + Math.floor(Math.random() * 40);
  const { child, base } = await startFlowhook(
    { ...secrets, PORT: String(port), DATABASE_URL: databaseUrl, QUEUE_PREFIX: name, LOG_LEVEL: 'info' },
    logFile,
  );
  console.log(`hostile: logs of the process in ${logFile}`);
  try {
    const victim = await tenantWithWebhooks(base, 'Victim', ['{{ trigger.body.order }}']);
    const attacker = await tenantWithWebhooks(
      base,
      'Attacker',
      ATTACKS.map((attack) => attack.template),
    );
    const victimHook = victim.hooks[0];
    const victimLoad = (seconds) =>
      Promise.all([
        load({
          url: `${base}/webhooks/${victimHook.id}`,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-webhook-token': victimHook.authToken },
          body: '{"order":1}',
          connections: 2,
          overallRate: VICTIM_WEBHOOKS_PER_SECOND,
          duration: seconds,
        }),
        load({ url: `${base}/health`, connections: 1, overallRate: VICTIM_HEALTH_PER_SECOND, duration: seconds }),
      ]);

    // Warm-up (JIT, pools), then the victim alone, then the victim while the attacks run.
    await victimLoad(2);
    for (const [index, attack] of ATTACKS.entries())
      await attackOnce(base, databaseUrl, attacker.hooks[index], attack.body);
    const [quietHook, quietHealth] = await victimLoad(duration);

    for (const inFlight of [1, 4]) {
      let attacking = true;
      const outcomes = { expression_error: 0, succeeded: 0, other: 0 };
      let slowestNodeMs = 0;
      // `inFlight` attackers, each posting the next attack once its last one is done.
      const attackers = Array.from({ length: inFlight }, async (_, offset) => {
        for (let round = offset; attacking; round++) {
          const index = round % ATTACKS.length;
          const outcome = await attackOnce(base, databaseUrl, attacker.hooks[index], ATTACKS[index].body);
          outcomes[outcome.kind in outcomes ? outcome.kind : 'other']++;
          slowestNodeMs = Math.max(slowestNodeMs, outcome.nodeMs);
        }
      });
      const [attackedHook, attackedHealth] = await victimLoad(duration);
      attacking = false;
      await Promise.all(attackers);

      const max = Math.max(attackedHook.latency.max, attackedHealth.latency.max);
      const during = `during ${inFlight} attack${inFlight === 1 ? '' : 's'} at once`;
      record(
        'hostile',
        `victim max / p99 ms ${during} (webhook, /health)`,
        `${attackedHook.latency.max} / ${attackedHook.latency.p99}, ${attackedHealth.latency.max} / ${attackedHealth.latency.p99}`,
        'max ≤ 250',
        max <= 250,
      );
      const done = outcomes.expression_error + outcomes.succeeded;
      record(
        'hostile',
        `attacks ${during}: expression_error / completed / other`,
        `${outcomes.expression_error} / ${outcomes.succeeded} / ${outcomes.other}`,
        'no other',
        outcomes.other === 0 && done > 0,
      );
      record('hostile', `slowest attacking node ${during}, ms`, Math.round(slowestNodeMs), 'reported', true);
      record(
        'hostile',
        `victim 2xx ${during} (webhook, /health)`,
        `${attackedHook['2xx']}/${attackedHook.requests.total}, ${attackedHealth['2xx']}/${attackedHealth.requests.total}`,
        'all',
        attackedHook.non2xx === 0 &&
          attackedHealth.non2xx === 0 &&
          attackedHook.errors === 0 &&
          attackedHealth.errors === 0,
      );
    }
    record(
      'hostile',
      'victim max / p99 ms, no attack (webhook, /health)',
      `${quietHook.latency.max} / ${quietHook.latency.p99}, ${quietHealth.latency.max} / ${quietHealth.latency.p99}`,
      'reported',
      true,
    );
  } finally {
    await stop(child);
    await dropDatabase(name);
    await deleteRedisKeys(name);
  }
}

/** A tenant with one published trigger → transform workflow and webhook per template. */
async function tenantWithWebhooks(base, name, templates) {
  const session = await json(base, 'POST', '/api/auth/register', {
    tenantName: `${name} bench`,
    email: `${name.toLowerCase()}-${Date.now()}@example.com`,
    password: 'bench password 123',
  });
  const auth = { authorization: `Bearer ${session.accessToken}` };
  const hooks = [];
  for (const [index, template] of templates.entries()) {
    const flow = await json(
      base,
      'POST',
      '/api/workflows',
      {
        name: `${name} ${index}`,
        nodes: [
          { id: 'in', type: 'trigger.webhook', config: {} },
          { id: 'shape', type: 'transform', config: { set: { result: template } } },
        ],
        edges: [{ source: 'in', target: 'shape' }],
      },
      auth,
    );
    await json(base, 'POST', `/api/workflows/${flow.id}/publish`, {}, auth);
    hooks.push(
      await json(
        base,
        'POST',
        '/api/webhooks',
        { name: `${name} ${index}`, workflowId: flow.id, nodeId: 'in', provider: 'generic' },
        auth,
      ),
    );
  }
  return { auth, hooks };
}

/** Posts one attacking webhook and waits for its execution: how its transform node ended and how long it ran. */
async function attackOnce(base, databaseUrl, hook, body) {
  const { eventId } = await json(base, 'POST', `/webhooks/${hook.id}`, body, { 'x-webhook-token': hook.authToken });
  const client = await connect(databaseUrl);
  try {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(20)) {
      const { rows } = await client.query(
        `SELECT n.status, n.error->>'class' AS "errorClass", extract(epoch FROM n.finished_at - n.started_at) * 1000 AS "nodeMs"
           FROM webhook_events e JOIN executions x ON x.id = e.workflow_execution_id JOIN node_executions n ON n.execution_id = x.id AND n.node_id = 'shape'
          WHERE e.id = $1 AND x.status IN ('succeeded', 'failed')`,
        [eventId],
      );
      if (rows[0])
        return {
          kind: rows[0].status === 'succeeded' ? 'succeeded' : rows[0].errorClass,
          nodeMs: Number(rows[0].nodeMs),
        };
    }
    throw new Error('an attacking execution did not finish in 30 s');
  } finally {
    await client.end();
  }
}
