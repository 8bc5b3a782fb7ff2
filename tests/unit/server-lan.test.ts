/** The addresses `npm start -- --lan` prints, and its QR code (src/server/lan.ts). */
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses, lanBanner } from '../../src/server/lan.ts';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});

describe('lanAddresses', () => {
  it('keeps the IPv4 addresses others can open, private ranges first, each once', () => {
    const found = lanAddresses({
      lo: [v4('127.0.0.1', true)],
      eth0: [
        v4('203.0.113.7'),
        {
          address: 'fe80::1',
          netmask: 'ffff:ffff:ffff:ffff::',
          family: 'IPv6',
          mac: '00:00:00:00:00:00',
          internal: false,
          cidr: 'fe80::1/64',
          scopeid: 2,
        },
      ],
      wlan0: [v4('192.168.8.23'), v4('169.254.10.1')],
      usb0: [v4('10.42.0.1'), v4('172.20.1.5'), v4('172.32.0.1')],
      dup: [v4('192.168.8.23')],
    });
    expect(found).toEqual(['192.168.8.23', '10.42.0.1', '172.20.1.5', '203.0.113.7', '172.32.0.1']);
  });

  it('finds none on a machine with only its loopback', () => {
    expect(lanAddresses({ lo: [v4('127.0.0.1', true)] })).toEqual([]);
  });
});

describe('lanBanner', () => {
  it('lists every address with the port and draws a QR code of the first', () => {
    const banner = lanBanner(['192.168.8.23', '10.42.0.1'], 4173);
    const lines = banner.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      "On the workshop's network, devices open:",
      '  http://192.168.8.23:4173/',
      '  http://10.42.0.1:4173/',
    ]);
    expect(lines.at(-1)).toBe('Scan to open http://192.168.8.23:4173/');
    // A QR code of version 2 is 25 modules a side; with a border of 2 it is 29 wide, two rows a line.
    const qr = lines.slice(4, -1);
    expect(qr).toHaveLength(15);
    for (const row of qr) expect([...row]).toHaveLength(29);
    expect(qr.join('')).toMatch(/^[ █▀▄]+$/);
  });

  it('says what to do when the computer is on no network', () => {
    expect(lanBanner([], 4173)).toBe(
      "No local network found: connect this computer to the venue's Wi-Fi (or a phone's hotspot) and start again.",
    );
  });
});
