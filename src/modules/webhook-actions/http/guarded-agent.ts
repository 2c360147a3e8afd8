import dns, { type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { SsrfBlockedError } from './ssrf-blocked.error.js';
import type { SsrfPolicy } from '../../../platform/http/ssrf-policy.js';

/** Resolves a hostname to every address it has (the seam tests use to simulate DNS answers). */
export type HostResolver = (hostname: string, family: number) => Promise<LookupAddress[]>;

export interface GuardedAgentOptions {
  resolver?: HostResolver;
  /** TCP + TLS connect bound; the caller's overall AbortSignal normally fires first. */
  connectTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  /** Connections per origin. */
  connections?: number;
}

const systemResolver: HostResolver = (hostname, family) => dns.promises.lookup(hostname, { all: true, family });

/**
 * A pooled keep-alive undici Agent that only opens sockets the SsrfPolicy allows. Every address a
 * hostname resolves to is checked when the connection is made, and the socket connects to exactly
 * those checked addresses (the lookup result is handed to net.connect, so there is no second
 * resolution a DNS rebinding could answer differently). IP literals, which net.connect never looks
 * up, are checked before connecting. A hostname allow entry skips the address check for that
 * host:port only.
 */
export class GuardedAgent extends Agent {
  constructor(policy: SsrfPolicy, options: GuardedAgentOptions = {}) {
    const resolver = options.resolver ?? systemResolver;
    const buildOptions = { timeout: options.connectTimeoutMs ?? 30_000, autoSelectFamily: true };
    const unguarded = buildConnector({ ...buildOptions, lookup: plainLookup(resolver) });
    // lookup is not told the port, so one guarded connector per destination port.
    const guardedByPort = new Map<number, buildConnector.connector>();

    const connect: buildConnector.connector = (connectOptions, callback) => {
      const hostname = stripBrackets(connectOptions.hostname);
      const port = Number(connectOptions.port) || (connectOptions.protocol === 'https:' ? 443 : 80);
      if (policy.isHostAllowed(hostname, port)) {
        unguarded(connectOptions, callback);
        return;
      }
      if (isIP(hostname) !== 0) {
        if (!policy.isAddressAllowed(hostname, port)) {
          callback(new SsrfBlockedError(`destination ${describe(hostname, port)} is not allowed`), null);
          return;
        }
        unguarded(connectOptions, callback);
        return;
      }
      let guarded = guardedByPort.get(port);
      if (guarded === undefined) {
        guarded = buildConnector({ ...buildOptions, lookup: guardedLookup(resolver, policy, port) });
        guardedByPort.set(port, guarded);
      }
      guarded(connectOptions, callback);
    };

    super({
      connect,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
      connections: options.connections ?? 50,
      // Backstops only: the per-call AbortSignal bounds the whole exchange.
      headersTimeout: 60_000,
      bodyTimeout: 60_000,
    });
  }
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function describe(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

function familyOf(options: dns.LookupOptions): number {
  return typeof options.family === 'number'
    ? options.family
    : options.family === 'IPv6'
      ? 6
      : options.family === 'IPv4'
        ? 4
        : 0;
}

/** Answers net.connect in the shape it asked for: a list with `all`, else the first address. */
function answer(options: dns.LookupOptions, addresses: LookupAddress[], callback: Parameters<LookupFunction>[2]): void {
  if (options.all === true) callback(null, addresses);
  else callback(null, addresses[0].address, addresses[0].family);
}

function plainLookup(resolver: HostResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname, familyOf(options)).then(
      (addresses) => (addresses.length === 0 ? callback(notFound(hostname), '') : answer(options, addresses, callback)),
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

function guardedLookup(resolver: HostResolver, policy: SsrfPolicy, port: number): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname, familyOf(options)).then(
      (addresses) => {
        if (addresses.length === 0) return callback(notFound(hostname), '');
        const refused = addresses.find(({ address }) => !policy.isAddressAllowed(address, port));
        if (refused !== undefined) {
          return callback(
            new SsrfBlockedError(
              `${hostname}:${port} resolves to ${describe(refused.address, port)}, which is not allowed`,
            ),
            '',
          );
        }
        answer(options, addresses, callback);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
}
