import { CreateEventStore1795381176212 } from './1795381176212-CreateEventStore.js';

/** Every migration, oldest first. An explicit list: bundlers and ESM loaders need no glob magic. */
export const migrations = [CreateEventStore1795381176212];
