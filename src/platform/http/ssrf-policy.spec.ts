import { SsrfPolicy } from './ssrf-policy.js';

describe('SsrfPolicy', () => {
  const closed = new SsrfPolicy([]);

  describe('without allow entries', () => {
    it.each([
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback /8'],
      ['10.0.0.1', 'RFC1918 10/8'],
      ['172.16.0.1', 'RFC1918 172.16/12'],
      ['172.31.255.255', 'RFC1918 172.16/12 top'],
      ['192.168.1.1', 'RFC1918 192.168/16'],
      ['169.254.169.254', 'link-local, cloud metadata'],
      ['100.64.0.1', 'CGNAT'],
      ['100.127.255.255', 'CGNAT top'],
      ['0.0.0.0', 'unspecified'],
      ['0.1.2.3', 'this-network 0/8'],
      ['255.255.255.255', 'broadcast'],
      ['224.0.0.1', 'multicast'],
      ['239.255.255.250', 'multicast SSDP'],
      ['240.0.0.1', 'reserved'],
      ['192.0.2.1', 'TEST-NET-1'],
      ['198.18.0.1', 'benchmarking'],
      ['::1', 'IPv6 loopback'],
      ['::', 'IPv6 unspecified'],
      ['fd00::1', 'ULA'],
      ['fc00::1', 'ULA fc00::/7'],
      ['fe80::1', 'IPv6 link-local'],
      ['fe80::1%eth0', 'IPv6 link-local with zone'],
      ['fec0::1', 'deprecated site-local'],
      ['ff02::1', 'IPv6 multicast'],
      ['2001:db8::1', 'documentation'],
      ['100::1', 'discard'],
      ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
      ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata (hex)'],
      ['::ffff:10.0.0.1', 'IPv4-mapped private'],
      ['[::ffff:192.168.0.1]', 'IPv4-mapped, bracketed'],
      ['::127.0.0.1', 'IPv4-compatible loopback'],
      ['::7f00:1', 'IPv4-compatible loopback (hex)'],
      ['::a9fe:a9fe', 'IPv4-compatible metadata'],
      ['::ffff:0:7f00:1', 'SIIT loopback'],
      ['64:ff9b::7f00:1', 'NAT64 loopback'],
      ['64:ff9b::a9fe:a9fe', 'NAT64 metadata'],
      ['64:ff9b:1::a00:1', 'local-use NAT64 (RFC 8215)'],
      ['2002:7f00:1::', '6to4 of loopback'],
      ['2002:a9fe:a9fe::1', '6to4 of metadata'],
      ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
      ['not-an-ip', 'not an address'],
      ['', 'empty'],
    ])('refuses %s (%s)', (address) => {
      expect(closed.isAddressAllowed(address, 80)).toBe(false);
    });

    it.each([
      ['93.184.216.34'],
      ['8.8.8.8'],
      ['1.1.1.1'],
      ['2606:4700:4700::1111'],
      ['::ffff:8.8.8.8'],
      ['64:ff9b::808:808'],
      ['2002:808:808::1'],
    ])('allows the public address %s', (address) => {
      expect(closed.isAddressAllowed(address, 443)).toBe(true);
    });

    it('leaves hostname checks to hostname entries', () => {
      expect(closed.isHostAllowed('example.com', 443)).toBe(false);
    });
  });

  describe('WHATWG URL parsing normalises numeric hosts before the policy sees them', () => {
    it.each([
      ['http://2130706433/'],
      ['http://0x7f.1/'],
      ['http://017700000001/'],
      ['http://127.1/'],
      ['http://0177.0.0.1/'],
      ['http://127.000.000.001/'],
      ['http://127.0.0.1./'],
      ['http://①②⑦.0.0.1/'],
    ])('%s becomes 127.0.0.1 and is refused', (url) => {
      const { hostname } = new URL(url);
      expect(hostname).toBe('127.0.0.1');
      expect(closed.isAddressAllowed(hostname, 80)).toBe(false);
    });

    it('keeps IPv4-mapped IPv6 in brackets, still refused', () => {
      const { hostname } = new URL('http://[::ffff:127.0.0.1]/');
      expect(hostname).toBe('[::ffff:7f00:1]');
      expect(closed.isAddressAllowed(hostname, 80)).toBe(false);
    });
  });

  describe('address and CIDR entries', () => {
    const policy = new SsrfPolicy([
      '127.0.0.1:4599',
      '10.1.0.0/16',
      '[::1]:8080',
      '192.168.5.5',
      '[fd00::/8]:443',
      '::ffff:172.16.0.0/112',
    ]);

    it('allows the address on the entry port only', () => {
      expect(policy.isAddressAllowed('127.0.0.1', 4599)).toBe(true);
      expect(policy.isAddressAllowed('127.0.0.1', 4600)).toBe(false);
      expect(policy.isAddressAllowed('127.0.0.2', 4599)).toBe(false);
    });

    it('matches the IPv4-mapped form of an allowed IPv4 address', () => {
      expect(policy.isAddressAllowed('::ffff:127.0.0.1', 4599)).toBe(true);
      expect(policy.isAddressAllowed('::ffff:127.0.0.1', 80)).toBe(false);
    });

    it('allows a whole CIDR on any port when no port is given', () => {
      expect(policy.isAddressAllowed('10.1.200.3', 1)).toBe(true);
      expect(policy.isAddressAllowed('10.2.0.1', 80)).toBe(false);
      expect(policy.isAddressAllowed('192.168.5.5', 22)).toBe(true);
    });

    it('handles bracketed IPv6 entries with ports and IPv6 CIDRs', () => {
      expect(policy.isAddressAllowed('::1', 8080)).toBe(true);
      expect(policy.isAddressAllowed('::1', 8081)).toBe(false);
      expect(policy.isAddressAllowed('fd12::3', 443)).toBe(true);
      expect(policy.isAddressAllowed('fd12::3', 80)).toBe(false);
    });

    it('reads an IPv4-mapped CIDR as the IPv4 range', () => {
      expect(policy.isAddressAllowed('172.16.0.9', 80)).toBe(true);
      expect(policy.isAddressAllowed('172.17.0.9', 80)).toBe(false);
    });

    it('does not treat an allowed IPv4 as allowing its NAT64 or 6to4 forms', () => {
      expect(policy.isAddressAllowed('64:ff9b::7f00:1', 4599)).toBe(false);
      expect(policy.isAddressAllowed('2002:7f00:1::', 4599)).toBe(false);
    });
  });

  describe('hostname entries', () => {
    const policy = new SsrfPolicy(['Receiver.Internal:8443', 'hooks.example.test', 'dotted.example.']);

    it('match exactly and case-insensitively, with the port when given', () => {
      expect(policy.isHostAllowed('receiver.internal', 8443)).toBe(true);
      expect(policy.isHostAllowed('RECEIVER.internal', 8443)).toBe(true);
      expect(policy.isHostAllowed('receiver.internal', 443)).toBe(false);
      expect(policy.isHostAllowed('hooks.example.test', 1234)).toBe(true);
      expect(policy.isHostAllowed('hooks.example.test.', 443)).toBe(true);
      expect(policy.isHostAllowed('dotted.example', 443)).toBe(true);
    });

    it('do not match subdomains, suffixes or addresses', () => {
      expect(policy.isHostAllowed('evil.hooks.example.test', 443)).toBe(false);
      expect(policy.isHostAllowed('hooks.example.test.evil', 443)).toBe(false);
      expect(policy.isHostAllowed('127.0.0.1', 443)).toBe(false);
      expect(policy.isAddressAllowed('127.0.0.1', 8443)).toBe(false);
    });
  });

  describe('configuration', () => {
    it.each([
      ['127.0.0.1:0'],
      ['127.0.0.1:65536'],
      ['127.0.0.1:http'],
      ['10.0.0.0/33'],
      ['[::1'],
      ['[::1]x'],
      ['bad host!'],
      ['127.1'],
      ['1.2.3.4.5'],
    ])('rejects the malformed entry %s', (entry) => {
      expect(() => new SsrfPolicy([entry])).toThrow(/OUTBOUND_ALLOWED_HOSTS entry/);
    });
  });
});
