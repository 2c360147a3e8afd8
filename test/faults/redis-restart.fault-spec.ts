import { describeOutage } from './support/outage-spec.js';

/**
 * Redis is killed in the middle of the load (no persistence: every queued job and lock is lost with
 * it) and started again on the same port a few seconds later. Ingress keeps committing events in
 * PostgreSQL (202); the sweepers re-queue what Redis lost; nothing runs twice; no process restarts.
 */
describeOutage({
  name: 'redis-restart',
  title: 'Redis restarted under load',
  dependency: 'Redis',
  downMs: 4000,
  afterMs: 4000,
  down: (system) => system.redis.stop(),
  up: (system) => system.redis.start(),
  refusesWhileDown: false,
});
