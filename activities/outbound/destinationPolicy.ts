import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

/**
 * Addresses a flow must not reach from the worker's place in the network: the worker itself, the
 * private network around it, cloud metadata (169.254.169.254) and addresses that are no destination
 * at all. net.BlockList also matches IPv4-mapped IPv6 (::ffff:10.0.0.1) against the IPv4 ranges.
 */
const INTERNAL_RANGES: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT, used inside some clouds
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, where cloud metadata answers
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, and the broadcast address
  ['::', 96, 'ipv6'], // unspecified, loopback and the deprecated IPv4-compatible form
  ['64:ff9b::', 96, 'ipv6'], // NAT64: where DNS64 runs, 64:ff9b::a00:7 is 10.0.0.7
  ['64:ff9b:1::', 48, 'ipv6'], // local-use NAT64
  ['100::', 64, 'ipv6'], // discard-only
  ['2001:db8::', 32, 'ipv6'], // documentation
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local, deprecated but still routed by some stacks
  ['ff00::', 8, 'ipv6'], // multicast
];

const internal = new BlockList();
for (const [network, prefix, family] of INTERNAL_RANGES) internal.addSubnet(network, prefix, family);

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Whether an IP address is loopback, private, link-local, CGNAT, multicast or otherwise not public. */
export const isInternalAddress = (address: string) => internal.check(address, familyOf(address));

/** Destinations an operator lets flows reach although they are internal (an on-premise CRM). */
export interface OutboundAllowList {
  /** Hostnames allowed whatever they resolve to, lower case. */
  hosts: ReadonlySet<string>;
  addresses: BlockList;
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** OUTBOUND_ALLOWED_HOSTS: hostnames, IP addresses and CIDR ranges separated by commas; unset allows nothing. */
export const outboundAllowListSchema = z
  .string()
  .default('')
  .transform((value, ctx): OutboundAllowList => {
    const hosts = new Set<string>();
    const addresses = new BlockList();
    for (const entry of value.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean)) {
      const [address = '', prefix, ...rest] = entry.split('/');
      const family = isIP(address);
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
      if (family && !rest.length && bits >= 0 && bits <= (family === 6 ? 128 : 32)) addresses.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
      else if (prefix === undefined && HOSTNAME.test(entry)) hosts.add(entry);
      else ctx.addIssue({ code: 'custom', message: `"${entry}" is neither a hostname, an IP address nor a CIDR range (e.g. crm.local,10.20.0.0/16,127.0.0.1)` });
    }
    return { hosts, addresses };
  });

/** Whether a request may go to `address`, which `hostname` resolved to (or is). */
export function isAllowedDestination(allowed: OutboundAllowList, hostname: string, address: string): boolean {
  return allowed.hosts.has(hostname.toLowerCase()) || !isInternalAddress(address) || allowed.addresses.check(address, familyOf(address));
}
