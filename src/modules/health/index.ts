// The health module's public API: what other modules may import from it.
export { HealthModule } from './health.module.js';
