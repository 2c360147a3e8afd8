// The credentials module's public API: what other modules may import from it.
export { CredentialsModule } from './credentials.module.js';
export { CredentialVault } from './credential-vault.js';
