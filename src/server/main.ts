/**
 * npm start: serves the built kit and the workshop server on one port.
 * PORT (default 4173), HOST (default 127.0.0.1; 0.0.0.0 for the devices of a
 * workshop's network), WORKSHOP_DATA_DIR (default .workshop-data in the
 * project), WORKSHOP_RETENTION_DAYS (default 30), TRUST_PROXY=1 behind a proxy;
 * WORKSHOP_REDIS_URL (redis://...) and WORKSHOP_PUBLIC_ADDRESS (host:port of
 * this process) to serve one pool of sessions from several processes.
 * `--lan` (npm start -- --lan): listens on every interface and prints the
 * addresses the workshop's devices open, with a QR code of the first.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarios } from '../../tools/lib/content.ts';
import { lanAddresses, lanBanner } from './lan.ts';
import { startWorkshopServer } from './server.ts';
import { DEFAULT_SETTINGS } from './workshops.ts';

const project = fileURLToPath(new URL('../../', import.meta.url));
// The scenarios are read from the project's folders, wherever the command was typed.
process.chdir(project);

const port = Number(process.env.PORT ?? 4173);
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--lan');
if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')} (the one option is --lan)`);
const lan = args.includes('--lan');
const host = lan ? '0.0.0.0' : (process.env.HOST ?? '127.0.0.1');
const dataDir = resolve(process.env.WORKSHOP_DATA_DIR ?? '.workshop-data');
const retentionDays = Number(process.env.WORKSHOP_RETENTION_DAYS ?? DEFAULT_SETTINGS.retentionDays);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
if (!(retentionDays > 0))
  throw new Error(`WORKSHOP_RETENTION_DAYS must be a number of days, not ${process.env.WORKSHOP_RETENTION_DAYS}`);
const redisUrl = process.env.WORKSHOP_REDIS_URL || undefined;
const publicAddress = process.env.WORKSHOP_PUBLIC_ADDRESS || undefined;
if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
  throw new Error(`WORKSHOP_REDIS_URL must be a redis:// or rediss:// URL, not ${redisUrl}`);
// Behind a load balancer a device must open its WebSocket on the process that holds its room, at its own address.
if (redisUrl && !publicAddress)
  throw new Error('WORKSHOP_PUBLIC_ADDRESS (host:port where devices reach this process) is needed with WORKSHOP_REDIS_URL');
if (publicAddress && /^[a-z]+:\/\//i.test(publicAddress))
  throw new Error(`WORKSHOP_PUBLIC_ADDRESS is host:port[/path], without a protocol, not ${publicAddress}`);

const running = await startWorkshopServer(
  {
    scenarios: loadScenarios(),
    dataDir,
    distDir: resolve('dist'),
    settings: { retentionDays },
    trustProxy: process.env.TRUST_PROXY === '1',
    ...(redisUrl ? { redisUrl } : {}),
    ...(publicAddress ? { publicAddress } : {}),
  },
  port,
  host,
);

const sweep = () =>
  running.workshops.sweep().then(
    (removed) =>
      removed.length > 0 &&
      console.log(`Deleted ${removed.length} ${removed.length === 1 ? 'session' : 'sessions'} older than ${retentionDays} days`),
    (error: unknown) => console.error('retention sweep failed:', error),
  );
await sweep();
setInterval(sweep, 60 * 60 * 1000).unref();

const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
console.log(`Resilient territory kit: http://${shown.includes(':') ? `[${shown}]` : shown}:${running.port}/`);
if (lan) console.log(lanBanner(lanAddresses(), running.port));
if (redisUrl)
  console.log(`Workshop server: sessions kept in Redis, rooms rebuilt on their first join; reached at ${publicAddress}`);
else
  console.log(
    `Workshop server: ${running.workshops.sessions.size} ${running.workshops.sessions.size === 1 ? 'session' : 'sessions'} restored from ${dataDir}`,
  );

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.stop().finally(() => process.exit(0));
  });
}
