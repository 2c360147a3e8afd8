// The auth module's public API: what other modules may import from it.
export { AuthModule } from './auth.module.js';
export { Public, RequireRole } from './access/access-policy.decorator.js';
export type { Actor } from './access/actor.js';
export { CurrentActor } from './access/current-actor.decorator.js';
