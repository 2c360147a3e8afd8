import { describeOutage } from './support/outage-spec.js';

/**
 * PostgreSQL is stopped (fast shutdown: every connection terminated) in the middle of the load and
 * started again on the same port and data directory 10 s later. While it is down ingress refuses with
 * 503 problem details (a 202 is only right for an event committed before the stop: every accepted
 * eventId must be in webhook_events afterwards); afterwards every accepted event runs exactly
 * once and the same processes serve again.
 */
describeOutage({
  name: 'postgres-outage',
  title: 'PostgreSQL stopped for 10 s under load',
  dependency: 'PostgreSQL',
  downMs: 10000,
  afterMs: 5000,
  down: (system) => system.postgres.stop(),
  up: (system) => system.postgres.start(),
  refusesWhileDown: true,
});
