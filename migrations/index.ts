import { CreateEventStore1795381176212 } from './1795381176212-CreateEventStore.js';
import { CreateAuth1795382000000 } from './1795382000000-CreateAuth.js';
import { CreateWorkflows1795383000000 } from './1795383000000-CreateWorkflows.js';
import { CreateExecutions1795384000000 } from './1795384000000-CreateExecutions.js';
import { CreateWebhooks1795385000000 } from './1795385000000-CreateWebhooks.js';
import { CreateContacts1795386000000 } from './1795386000000-CreateContacts.js';
import { CreateCredentials1795389000000 } from './1795389000000-CreateCredentials.js';
import { CreateWebhookActionExecutions1795390000000 } from './1795390000000-CreateWebhookActionExecutions.js';
import { CreateChannels1795391000000 } from './1795391000000-CreateChannels.js';
import { CreateWaits1795387000000 } from './1795387000000-CreateWaits.js';
import { SweepRunningNodes1795392000000 } from './1795392000000-SweepRunningNodes.js';

/** Every migration, oldest first. An explicit list: bundlers and ESM loaders need no glob magic. */
export const migrations = [
  CreateEventStore1795381176212,
  CreateAuth1795382000000,
  CreateWorkflows1795383000000,
  CreateExecutions1795384000000,
  CreateWebhooks1795385000000,
  CreateContacts1795386000000,
  CreateCredentials1795389000000,
  CreateWebhookActionExecutions1795390000000,
  CreateWaits1795387000000,
  CreateChannels1795391000000,
  SweepRunningNodes1795392000000,
];
