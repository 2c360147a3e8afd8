/**
 * `npm run test:faults`: fault specs (test/faults/**\/*.fault-spec.ts) that each build a private,
 * throw-away system (embedded PostgreSQL, redis-server, one api and worker processes from
 * dist/src/main.js) and break it under load. Not part of `npm test`. Reuses the transform, module
 * mapping and setup of the e2e project in ../../jest.config.js, without its global setup (these specs
 * touch neither the shared PostgreSQL nor the shared Redis).
 */
import { fileURLToPath } from 'node:url';
import root from '../../jest.config.js';

const e2e = root.projects.find((project) => project.displayName === 'e2e');
const { globalSetup: _setup, globalTeardown: _teardown, testMatch: _match, displayName: _name, ...common } = e2e;

export default {
  ...common,
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  // One system at a time: each spec starts PostgreSQL, Redis and several Node processes on 2 cores.
  maxWorkers: 1,
  testTimeout: 180000,
  // Child processes and servers are all stopped in afterAll; a stray handle must not hold the run.
  forceExit: true,
};
