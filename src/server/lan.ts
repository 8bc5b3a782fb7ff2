/**
 * `npm start -- --lan`: the workshop's devices reach the kit over the venue's
 * own network (a travel router, a phone's hotspot). This finds the addresses
 * they can open and draws a QR code of one in the terminal.
 */
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';
import { renderUnicodeCompact } from 'uqr';

/**
 * The machine's IPv4 addresses on its local networks, private ranges first (the ones a
 * venue's router hands out), loopback and link-local left out: nobody else can open those.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  const found: string[] = [];
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family !== 'IPv4' || entry.internal || entry.address.startsWith('169.254.')) continue;
      if (!found.includes(entry.address)) found.push(entry.address);
    }
  }
  return found.sort((a, b) => Number(!isPrivate(a)) - Number(!isPrivate(b)));
}

function isPrivate(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The lines `npm start -- --lan` prints: every address to open, and a QR code of the first. */
export function lanBanner(addresses: readonly string[], port: number): string {
  if (addresses.length === 0) {
    return "No local network found: connect this computer to the venue's Wi-Fi (or a phone's hotspot) and start again.";
  }
  const urls = addresses.map((address) => `http://${address}:${port}/`);
  return [
    "On the workshop's network, devices open:",
    ...urls.map((url) => `  ${url}`),
    '',
    renderUnicodeCompact(urls[0] as string, { border: 2 }),
    `Scan to open ${urls[0]}`,
  ].join('\n');
}
