import { describe, expect, test } from 'vitest';
import { isAllowedDestination, isInternalAddress, outboundAllowListSchema } from './destinationPolicy';

describe('outbound destination policy', () => {
  test('when an address is loopback, private, link-local, CGNAT, "this network", multicast or reserved, then it is internal, in IPv4, IPv6 and IPv4-mapped IPv6', () => {
    const internal = [
      '127.0.0.1',
      '127.255.0.9',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.10',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.255.254',
      '0.0.0.0',
      '0.1.2.3',
      '224.0.0.251',
      '255.255.255.255',
      '::',
      '::1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:a9fe:a9fe',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:7',
      '64:ff9b:1::1',
      '2001:db8::1',
    ];
    expect(internal.filter((a) => !isInternalAddress(a))).toEqual([]);
  });

  test('when an address is public, then it is not internal, including the neighbours of the private ranges', () => {
    const publicAddresses = ['8.8.8.8', '1.1.1.1', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '169.253.255.255', '11.0.0.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8'];
    expect(publicAddresses.filter((a) => isInternalAddress(a))).toEqual([]);
  });

  test('when the allow-list names a hostname, an address or a range, then exactly those internal destinations pass', () => {
    const allowed = outboundAllowListSchema.parse('crm.local, 127.0.0.1, 10.20.0.0/16, fd00::/8');
    expect(isAllowedDestination(allowed, 'crm.local', '192.168.7.7')).toBe(true);
    expect(isAllowedDestination(allowed, 'CRM.local', '192.168.7.7')).toBe(true);
    expect(isAllowedDestination(allowed, 'other.local', '192.168.7.7')).toBe(false);
    expect(isAllowedDestination(allowed, '127.0.0.1', '127.0.0.1')).toBe(true);
    expect(isAllowedDestination(allowed, 'localhost', '127.0.0.2')).toBe(false);
    expect(isAllowedDestination(allowed, 'erp', '10.20.99.1')).toBe(true);
    expect(isAllowedDestination(allowed, 'erp', '10.21.0.1')).toBe(false);
    expect(isAllowedDestination(allowed, 'erp', 'fd00::5')).toBe(true);
    expect(isAllowedDestination(allowed, 'metadata', '169.254.169.254')).toBe(false);
    expect(isAllowedDestination(outboundAllowListSchema.parse(undefined), 'example.com', '93.184.215.14')).toBe(true);
    expect(isAllowedDestination(outboundAllowListSchema.parse(undefined), 'localhost', '127.0.0.1')).toBe(false);
  });
});
