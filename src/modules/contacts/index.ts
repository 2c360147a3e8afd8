// The contacts module's public API: what other modules may import from it.
export { ContactsModule } from './contacts.module.js';
export { ContactDirectory } from './contact-directory.js';
