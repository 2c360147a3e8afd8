// The audit module's public API: what other modules may import from it.
export { AuditModule } from './audit.module.js';
