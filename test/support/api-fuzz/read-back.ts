/** Fetches one operation (by its key) with these path parameters and query; the parsed body of a 2xx, else undefined. */
export type Reader = (operationKey: string, path?: Record<string, string>, query?: string) => Promise<unknown>;

interface Page {
  items?: { id?: string }[];
}

const PAGE = 100;

/**
 * After the fuzz has stored whatever it could, every record is read back through its list and its
 * detail: SPEC wants no list or detail endpoint to fail on any stored record, however it got in.
 */
export async function readBackEverything(read: Reader): Promise<void> {
  const ids = async (key: string, path: Record<string, string> = {}, filter = '') => {
    const found: string[] = [];
    for (let page = 1; ; page++) {
      const body = (await read(key, path, `${filter}page=${page}&limit=${PAGE}`)) as Page | undefined;
      const items = body?.items ?? [];
      found.push(...items.map((item) => item.id).filter((id): id is string => typeof id === 'string'));
      if (items.length < PAGE) return found;
    }
  };
  for (const webhookId of await ids('GET /api/webhooks')) {
    for (const eventId of await ids('GET /api/webhooks/{id}/events', { id: webhookId }))
      await read('GET /api/webhooks/{id}/events/{eventId}', { id: webhookId, eventId });
  }
  for (const workflowId of await ids('GET /api/workflows')) {
    await read('GET /api/workflows/{id}/versions', { id: workflowId }, 'limit=100');
    for (const executionId of await ids('GET /api/workflows/{id}/executions', { id: workflowId }))
      await read('GET /api/executions/{id}', { id: executionId });
  }
  for (const contactId of await ids('GET /api/contacts')) await read('GET /api/contacts/{id}', { id: contactId });
  for (const callId of await ids('GET /api/webhook-actions/executions'))
    await read('GET /api/webhook-actions/executions/{id}', { id: callId });
  for (let after = 0; ;) {
    const body = (await read('GET /api/events', {}, `afterSequence=${after}&limit=${PAGE}`)) as
      { nextAfterSequence?: number | null } | undefined;
    if (typeof body?.nextAfterSequence !== 'number' || body.nextAfterSequence <= after) break;
    after = body.nextAfterSequence;
  }
  for (const key of ['GET /api/channels', 'GET /api/credentials', 'GET /api/users', 'GET /api/api-keys'])
    await ids(key);
  for (const key of [
    'GET /api/analytics/workflows',
    'GET /api/analytics/webhooks',
    'GET /api/analytics/webhook-actions',
    'GET /api/webhook-actions/circuits',
  ])
    await read(key);
}
