import { describe, expect, it } from 'vitest';
import { colyseusLogger } from '../../src/server/colyseus-logger.ts';

function recording() {
  const lines: string[] = [];
  const log =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push(`${level} ${args.join(' ')}`);
  return { lines, sink: { debug: log('debug'), error: log('error'), info: log('info'), trace: log('trace'), warn: log('warn') } };
}

describe('the workshop server’s Colyseus logger', () => {
  it('drops the hint Colyseus logs when a device tries an expired reconnection token, and passes on the rest', () => {
    const { lines, sink } = recording();
    const logger = colyseusLogger(sink);
    // The line Colyseus 0.16 logs (MatchMaker.reconnect), word for word.
    logger.info(
      '❌ reconnection token invalid or expired. Did you miss .allowReconnection()?\n👉 https://docs.colyseus.io/server/room/#allowreconnection-client-seconds',
    );
    logger.info('room created');
    logger.warn('reconnection token invalid or expired');
    logger.error('boom', 42);
    logger.debug('d');
    logger.trace('t');
    expect(lines).toEqual([
      'info room created',
      'warn reconnection token invalid or expired',
      'error boom 42',
      'debug d',
      'trace t',
    ]);
  });
});
