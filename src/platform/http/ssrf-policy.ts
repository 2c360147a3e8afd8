import ipaddr from 'ipaddr.js';

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

interface CidrAllowEntry {
  readonly kind: 'cidr';
  readonly range: [IpAddress, number];
  readonly port?: number;
}

interface HostnameAllowEntry {
  readonly kind: 'hostname';
  readonly hostname: string;
  readonly port?: number;
}

type AllowEntry = CidrAllowEntry | HostnameAllowEntry;

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const PORT = /^\d{1,5}$/;
/** 2000::/3: every IPv6 address on the public internet today lies in it. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
/** Ranges whose last 32 bits carry an IPv4 address the packet ends up at (NAT64, SIIT). */
const EMBEDS_IPV4_LOW_32 = new Set(['rfc6052', 'rfc6145']);

/**
 * Decides which outbound destinations `action.http` may reach (SPEC §7 "SSRF guard").
 * Only public unicast addresses are reachable; `OUTBOUND_ALLOWED_HOSTS` entries open exceptions:
 * an address or CIDR entry matches the resolved address, a hostname entry the URL's host, and an
 * entry's `:port` must match too.
 */
export class SsrfPolicy {
  private readonly entries: readonly AllowEntry[];

  /** @throws Error naming the malformed entry (configuration errors surface at boot). */
  constructor(allowedHosts: readonly string[] = []) {
    this.entries = allowedHosts
      .map((raw) => raw.trim())
      .filter((raw) => raw !== '')
      .map(parseAllowEntry);
  }

  /** Whether a connection to this IP address and port may be made. Unparseable input is refused. */
  isAddressAllowed(address: string, port: number): boolean {
    const parsed = parseAddress(address);
    if (parsed === undefined) return false;
    for (const entry of this.entries) {
      if (
        entry.kind === 'cidr' &&
        portMatches(entry.port, port) &&
        entry.range[0].kind() === parsed.kind() &&
        parsed.match(entry.range)
      ) {
        return true;
      }
    }
    return isPublicAddress(parsed);
  }

  /** Whether a hostname entry names this host (case-insensitive, exact) and port. */
  isHostAllowed(hostname: string, port: number): boolean {
    const host = normaliseHostname(hostname);
    return this.entries.some(
      (entry) => entry.kind === 'hostname' && entry.hostname === host && portMatches(entry.port, port),
    );
  }
}

function portMatches(entryPort: number | undefined, port: number): boolean {
  return entryPort === undefined || entryPort === port;
}

function normaliseHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Parses an IP literal (brackets tolerated); IPv4-mapped IPv6 comes back as IPv4. */
function parseAddress(address: string): IpAddress | undefined {
  const bare = stripBrackets(address.trim());
  if (!ipaddr.isValid(bare)) return undefined;
  try {
    return ipaddr.process(bare);
  } catch {
    return undefined;
  }
}

function isPublicAddress(address: IpAddress): boolean {
  if (address.kind() === 'ipv4') return address.range() === 'unicast';
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6);
  if (embedded !== undefined) return embedded.range() === 'unicast';
  return v6.range() === 'unicast' && v6.match(GLOBAL_UNICAST_V6);
}

/**
 * The IPv4 address a translating IPv6 form delivers to: NAT64 (64:ff9b::/96, 64:ff9b:1::/48),
 * SIIT (::ffff:0:a.b.c.d), 6to4 (2002:AABB:CCDD::/48) and the deprecated IPv4-compatible ::a.b.c.d.
 * (IPv4-mapped ::ffff:a.b.c.d is already turned into IPv4 by ipaddr.process.)
 */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = address.parts;
  const range = address.range();
  if (EMBEDS_IPV4_LOW_32.has(range)) return fromParts(p[6], p[7]);
  if (range === '6to4') return fromParts(p[1], p[2]);
  const upperZero = p.slice(0, 6).every((part) => part === 0);
  // ::/96 minus :: and ::1, which range() already names unspecified / loopback.
  if (upperZero && range === 'unicast') return fromParts(p[6], p[7]);
  return undefined;
}

function fromParts(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** Splits `host`, `host:port`, `[v6]`, `[v6]:port`, `cidr:port`, `[v6cidr]:port`; a bare IPv6 has no port. */
function splitHostPort(raw: string): { host: string; port?: number } {
  let host = raw;
  let portText: string | undefined;
  if (raw.startsWith('[')) {
    const close = raw.indexOf(']');
    if (close === -1) throw new Error(`OUTBOUND_ALLOWED_HOSTS entry "${raw}": missing "]"`);
    host = raw.slice(1, close);
    const rest = raw.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) throw new Error(`OUTBOUND_ALLOWED_HOSTS entry "${raw}": unexpected text after "]"`);
      portText = rest.slice(1);
    }
  } else if (raw.indexOf(':') !== -1 && raw.indexOf(':') === raw.lastIndexOf(':')) {
    const colon = raw.indexOf(':');
    host = raw.slice(0, colon);
    portText = raw.slice(colon + 1);
  }
  if (portText === undefined) return { host };
  const port = Number(portText);
  if (!PORT.test(portText) || port < 1 || port > 65535)
    throw new Error(`OUTBOUND_ALLOWED_HOSTS entry "${raw}": invalid port`);
  return { host, port };
}

function parseAllowEntry(raw: string): AllowEntry {
  const { host, port } = splitHostPort(raw);
  if (host.includes('/')) {
    if (!ipaddr.isValidCIDR(host)) throw new Error(`OUTBOUND_ALLOWED_HOSTS entry "${raw}": invalid CIDR`);
    return { kind: 'cidr', range: unmapCidr(ipaddr.parseCIDR(host)), port };
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(host) || ipaddr.IPv6.isValid(host)) {
    const address = ipaddr.process(host);
    return { kind: 'cidr', range: [address, address.kind() === 'ipv4' ? 32 : 128], port };
  }
  const hostname = normaliseHostname(host);
  if (!HOSTNAME.test(hostname) || /^[\d.]+$/.test(hostname)) {
    throw new Error(`OUTBOUND_ALLOWED_HOSTS entry "${raw}": not an address, CIDR or hostname`);
  }
  return { kind: 'hostname', hostname, port };
}

/** `::ffff:a.b.c.d/104` is written as IPv6 but matches the IPv4 addresses that process() yields. */
function unmapCidr([address, bits]: [IpAddress, number]): [IpAddress, number] {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [address, bits];
}
