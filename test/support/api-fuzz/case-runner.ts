import { createHmac } from 'node:crypto';
import request from 'supertest';
import { type Actor, concretePath, type FuzzCase, queryString } from './fuzz-case.js';
import type { FuzzWorld } from './fuzz-world.js';
import type { LateValues } from './late-values.js';

/** The request exactly as sent, for the failure report. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** An answer slower than this is a failure of its own (the service stalled). */
const RESPONSE_TIMEOUT_MS = 20_000;

/** Sends cases to the app over real HTTP, filling late values and credentials just before. */
export class CaseRunner {
  private readonly forgedJwt: string;

  constructor(
    private readonly baseUrl: string,
    private readonly world: FuzzWorld,
    private readonly late: LateValues,
  ) {
    this.forgedJwt = forgeJwt(world);
  }

  async run(fuzzCase: FuzzCase): Promise<{ sent: SentRequest; response: FuzzResponse }> {
    const resolve = this.late.forCase();
    const draft = fuzzCase.request;
    const pathParams = Object.fromEntries(
      await Promise.all(
        Object.entries(draft.pathParams).map(async ([name, value]) => [name, await resolve(value)] as const),
      ),
    );
    const query = queryString(draft.query);
    const url = `${concretePath(fuzzCase.operation, pathParams)}${query ? `?${query}` : ''}`;
    const body = draft.body ? { ...draft.body, text: await resolve(draft.body.text) } : undefined;
    const headers: Record<string, string> = {
      'X-Forwarded-For': fuzzCase.ip,
      ...this.credentials(draft.actor),
      ...draft.headers,
      ...(body ? { 'Content-Type': body.contentType } : {}),
      ...(body && draft.sign ? draft.sign(body.text) : {}),
    };
    const sent: SentRequest = { method: fuzzCase.operation.method.toUpperCase(), url, headers, body: body?.text };
    let pending = request(this.baseUrl)
      [fuzzCase.operation.method](url)
      .set(headers)
      .timeout({ response: RESPONSE_TIMEOUT_MS })
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks).toString('utf8')));
      });
    if (body) pending = pending.send(body.text);
    try {
      const response = await pending.ok(() => true);
      return {
        sent,
        response: {
          status: response.status,
          headers: response.headers as FuzzResponse['headers'],
          text: response.body as string,
        },
      };
    } catch (error) {
      // No HTTP answer at all (timeout, connection reset): status 0 carries it to the checks.
      return {
        sent,
        response: { status: 0, headers: {}, text: error instanceof Error ? error.message : String(error) },
      };
    }
  }

  private credentials(actor: Actor): Record<string, string> {
    const { world } = this;
    switch (actor) {
      case 'owner':
        return { Authorization: `Bearer ${world.owner.accessToken}` };
      case 'apiKey':
        return { 'X-API-Key': world.apiKey };
      case 'viewer':
        return { Authorization: `Bearer ${world.viewer.accessToken}` };
      case 'foreign':
        return { Authorization: `Bearer ${world.foreign.accessToken}` };
      case 'garbageToken':
        return { Authorization: 'Bearer not.a.jwt' };
      case 'forgedJwt':
        return { Authorization: `Bearer ${this.forgedJwt}` };
      case 'unknownApiKey':
        return { 'X-API-Key': 'fhk_unknownFuzzKey0123456789abcdefghijklmnop' };
      case 'anonymous':
        return {};
    }
  }
}

/** An HS256 token with the owner's claims, signed with a secret the app does not have. */
function forgeJwt(world: FuzzWorld): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode({
    sub: world.owner.userId,
    tenantId: world.owner.tenantId,
    role: 'owner',
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
  const signature = createHmac('sha256', 'not-the-apps-secret-0123456789-0123456789')
    .update(`${header}.${payload}`)
    .digest('base64url');
  return `${header}.${payload}.${signature}`;
}
