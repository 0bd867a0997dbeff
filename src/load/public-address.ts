import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a `$ref` or a redirect must never reach, by what they are. A spec from a pull
 * request could otherwise make CI talk to itself (loopback), to the network it runs in (private,
 * link-local — cloud metadata lives at 169.254.169.254), or to whatever "unspecified" means to
 * the local stack. IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) match the IPv4 ranges
 * (node's BlockList does that); IPv6 forms that embed an IPv4 address by translation (NAT64,
 * 6to4, Teredo, IPv4-compatible) are refused whole, since where they lead depends on the network.
 */
const RANGES: Array<[kind: string, network: string, prefix: number, family: 'ipv4' | 'ipv6']> = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['shared (carrier-grade NAT)', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['documentation', '192.0.2.0', 24, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['documentation', '198.51.100.0', 24, 'ipv4'],
  ['documentation', '203.0.113.0', 24, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['IPv4-compatible', '::', 96, 'ipv6'],
  ['NAT64', '64:ff9b::', 96, 'ipv6'],
  ['NAT64', '64:ff9b:1::', 48, 'ipv6'],
  ['reserved', '100::', 64, 'ipv6'],
  ['Teredo', '2001::', 32, 'ipv6'],
  ['documentation', '2001:db8::', 32, 'ipv6'],
  ['6to4', '2002::', 16, 'ipv6'],
  ['private (unique local)', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['site-local', 'fec0::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];

// Made on first use: a BlockList is a native object, which the start-up snapshot (where this module is loaded) cannot hold.
let lists: { kind: string; list: BlockList }[] | undefined;
const blockLists = () =>
  (lists ??= RANGES.map(([kind, network, prefix, family]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { kind, list };
  }));

/**
 * What kind of non-public address `address` is ("loopback", "private", ...), or undefined for a
 * public one. Anything that is not an IP address at all is "not an IP address": refused too.
 */
export function nonPublicKind(address: string): string | undefined {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  const version = isIP(bare);
  if (version === 0) return 'not an IP address';
  const family = version === 4 ? 'ipv4' : 'ipv6';
  return blockLists().find(({ list }) => list.check(bare, family))?.kind;
}
