import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GuardedAgent, type HostResolver } from './guarded-agent.js';
import { SsrfPolicy } from '../../../platform/http/ssrf-policy.js';

interface Receiver {
  port: number;
  connections: number;
  requests: number;
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1 that answers 200 "ok" and counts connections and requests. */
async function startReceiver(): Promise<Receiver> {
  const server: Server = createServer((_request, response) => {
    receiver.requests += 1;
    response.end('ok');
  });
  const receiver: Receiver = {
    port: 0,
    connections: 0,
    requests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('connection', () => {
    receiver.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  return receiver;
}

/** A fake DNS: names map to fixed answers (in sequence, when several are given); others are NXDOMAIN. */
function fakeResolver(answers: Record<string, string[][]>): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const sequence = answers[hostname];
    if (sequence === undefined)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const addresses = sequence[Math.min(calls.filter((name) => name === hostname).length, sequence.length) - 1];
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolver, { calls });
}

async function get(agent: GuardedAgent, url: string): Promise<{ status: number; body: string }> {
  const { origin, pathname } = new URL(url);
  const response = await agent.request({ origin, path: pathname, method: 'GET', headers: { connection: 'close' } });
  return { status: response.statusCode, body: await response.body.text() };
}

describe('GuardedAgent', () => {
  let receiver: Receiver;
  const agents: GuardedAgent[] = [];
  const agentFor = (policy: SsrfPolicy, resolver?: HostResolver) => {
    const agent = new GuardedAgent(policy, { resolver });
    agents.push(agent);
    return agent;
  };

  beforeEach(async () => {
    receiver = await startReceiver();
  });

  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.destroy()));
    await receiver.close();
  });

  it('connects to an allowed literal address', async () => {
    const agent = agentFor(new SsrfPolicy([`127.0.0.1:${receiver.port}`]));
    await expect(get(agent, `http://127.0.0.1:${receiver.port}/`)).resolves.toEqual({ status: 200, body: 'ok' });
  });

  it('refuses a literal address outside the policy without connecting (lookup is never asked)', async () => {
    const resolver = fakeResolver({});
    const agent = agentFor(new SsrfPolicy([`127.0.0.1:${receiver.port + 1}`]), resolver);
    await expect(get(agent, `http://127.0.0.1:${receiver.port}/`)).rejects.toMatchObject({ code: 'ERR_SSRF_BLOCKED' });
    expect(resolver.calls).toEqual([]);
    expect(receiver.connections).toBe(0);
  });

  it('connects to a hostname whose every address is allowed, using the checked answer', async () => {
    const resolver = fakeResolver({ 'receiver.test': [['127.0.0.1']] });
    const agent = agentFor(new SsrfPolicy([`127.0.0.1:${receiver.port}`]), resolver);
    await expect(get(agent, `http://receiver.test:${receiver.port}/`)).resolves.toEqual({ status: 200, body: 'ok' });
    expect(resolver.calls).toEqual(['receiver.test']);
  });

  it('refuses a hostname when any one of its addresses is refused', async () => {
    const resolver = fakeResolver({ 'mixed.test': [['127.0.0.1', '169.254.169.254']] });
    const agent = agentFor(new SsrfPolicy([`127.0.0.1:${receiver.port}`]), resolver);
    await expect(get(agent, `http://mixed.test:${receiver.port}/`)).rejects.toMatchObject({
      code: 'ERR_SSRF_BLOCKED',
      message: expect.stringContaining('169.254.169.254') as unknown,
    });
    expect(receiver.connections).toBe(0);
  });

  it('checks again on every new connection, so a rebinding answer is refused', async () => {
    const resolver = fakeResolver({ 'rebind.test': [['127.0.0.1'], ['10.0.0.1']] });
    const agent = agentFor(new SsrfPolicy([`127.0.0.1:${receiver.port}`]), resolver);
    await expect(get(agent, `http://rebind.test:${receiver.port}/`)).resolves.toEqual({ status: 200, body: 'ok' });
    await expect(get(agent, `http://rebind.test:${receiver.port}/`)).rejects.toMatchObject({
      code: 'ERR_SSRF_BLOCKED',
    });
    expect(resolver.calls).toEqual(['rebind.test', 'rebind.test']);
    expect(receiver.connections).toBe(1);
  });

  it('lets a hostname entry bypass the address check for that host and port only', async () => {
    const resolver = fakeResolver({ 'internal.test': [['127.0.0.1']] });
    const agent = agentFor(new SsrfPolicy([`internal.test:${receiver.port}`]), resolver);
    await expect(get(agent, `http://INTERNAL.test:${receiver.port}/`)).resolves.toEqual({ status: 200, body: 'ok' });

    const otherPort = agentFor(new SsrfPolicy([`internal.test:${receiver.port + 1}`]), resolver);
    await expect(get(otherPort, `http://internal.test:${receiver.port}/`)).rejects.toMatchObject({
      code: 'ERR_SSRF_BLOCKED',
    });
    expect(receiver.requests).toBe(1);
  });

  it('resolves through the system resolver by default: localhost is loopback and refused', async () => {
    const agent = agentFor(new SsrfPolicy([]));
    await expect(get(agent, `http://localhost:${receiver.port}/`)).rejects.toMatchObject({ code: 'ERR_SSRF_BLOCKED' });
    expect(receiver.connections).toBe(0);
  });

  it('passes DNS failures through', async () => {
    const agent = agentFor(new SsrfPolicy([]));
    await expect(get(agent, 'http://nonexistent.invalid/')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
