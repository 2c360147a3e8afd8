// The channels module's public API: what other modules may import from it.
export { ChannelsModule } from './channels.module.js';
export { ChannelsWorkerModule } from './channels-worker.module.js';
