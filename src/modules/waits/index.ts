// The waits module's public API: what other modules may import from it.
export { WaitsModule } from './waits.module.js';
export { WaitsWorkerModule } from './waits-worker.module.js';
