// The webhook-actions module's public API: what other modules may import from it.
export { WebhookActionsModule } from './webhook-actions.module.js';
export { CircuitBreaker } from './resilience/circuit-breaker.js';
