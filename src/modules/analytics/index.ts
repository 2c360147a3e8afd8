// The analytics module's public API: what other modules may import from it.
export { AnalyticsModule } from './analytics.module.js';
