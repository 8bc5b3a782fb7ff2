/** The workshop server's HTTP side: /health, /metrics, session creation, the built kit served safely, the retention sweep. */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Booted, bootWorkshop, createSession, TWO_TEAMS } from './server/helpers.ts';

const dist = mkdtempSync(joinPath(tmpdir(), 'workshop-dist-'));
writeFileSync(joinPath(dist, 'index.html'), '<!doctype html><title>kit</title>');
mkdirSync(joinPath(dist, 'assets'));
writeFileSync(joinPath(dist, 'assets', 'main-abc123.js'), 'console.log(1);');
// A file beside dist/ that no request may reach.
writeFileSync(joinPath(dist, '..', 'workshop-secret.txt'), 'secret');
const dataDir = mkdtempSync(joinPath(tmpdir(), 'workshop-http-'));

const booted: Booted = await bootWorkshop({ dataDir, distDir: dist });
afterAll(() => booted.colyseus.shutdown());

/** A raw request: the path as written, never normalised by a client library. */
function raw(path: string, method = 'GET', body?: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: booted.port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('workshop server: operations', () => {
  it('answers GET /health', async () => {
    expect(await raw('/health')).toEqual({ status: 200, type: 'application/json', body: '{"status":"ok"}' });
  });

  it('answers GET /metrics in Prometheus text format with the sessions, clients, events and the process defaults', async () => {
    const metrics = await raw('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toBe('text/plain; version=0.0.4; charset=utf-8');
    for (const name of [
      'workshop_sessions_active',
      'workshop_clients_connected',
      'workshop_events_applied_total',
      'workshop_messages_refused_total',
      'workshop_joins_refused_total',
      'process_cpu_user_seconds_total',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(metrics.body).toContain(`# TYPE ${name} `);
    }
  });
});

describe('workshop server: creating a session', () => {
  it('creates one from a scenario and options, and refuses what is not one', async () => {
    const created = await raw('/api/sessions', 'POST', JSON.stringify(TWO_TEAMS));
    expect(created.status).toBe(201);
    expect(Object.keys(JSON.parse(created.body))).toEqual(['code', 'facilitatorToken']);
    expect(await raw('/api/sessions', 'POST', 'not json')).toMatchObject({ status: 400, body: '{"error":"bad-session"}' });
    expect(await raw('/api/sessions', 'POST', JSON.stringify({ ...TWO_TEAMS, scenario: 'atlantis' }))).toMatchObject({
      status: 400,
      body: '{"error":"unknown-scenario"}',
    });
    const blank = { ...TWO_TEAMS, options: { ...TWO_TEAMS.options, teams: ['\u202e\u0007', 'B'] } };
    expect(await raw('/api/sessions', 'POST', JSON.stringify(blank))).toMatchObject({
      status: 400,
      body: '{"error":"bad-session"}',
    });
    expect(await raw('/api/sessions')).toMatchObject({ status: 405 });
    expect(await raw('/api/sessions', 'POST', 'x'.repeat(17 * 1024))).toMatchObject({ status: 413 });
  });

  it('keeps team names as plain text: control and direction-override characters removed', async () => {
    const { code } = await createSession(booted, {
      ...TWO_TEAMS,
      options: { ...TWO_TEAMS.options, teams: ['<b>A</b>\u202e', 'B\u0000'] },
    });
    expect(booted.workshops.sessions.get(code)?.header.options.teams).toEqual(['<b>A</b>', 'B']);
  });
});

describe('workshop server: the built kit', () => {
  it('serves files from dist/ and the page for any route', async () => {
    expect(await raw('/')).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>kit</title>',
    });
    expect(await raw('/assets/main-abc123.js')).toMatchObject({ status: 200, body: 'console.log(1);' });
    expect(await raw('/game/session/x')).toMatchObject({ status: 200, body: '<!doctype html><title>kit</title>' });
    expect(await raw('/assets/missing.js')).toMatchObject({ status: 404 });
  });

  it('serves nothing outside dist/, however the path is written', async () => {
    for (const path of [
      '/../workshop-secret.txt',
      '/%2e%2e/workshop-secret.txt',
      '/assets/..%2f..%2fworkshop-secret.txt',
      '/%00',
    ]) {
      const answer = await raw(path);
      expect(answer.body, path).not.toBe('secret');
      expect([400, 404], path).toContain(answer.status);
    }
  });
});

describe('workshop server: retention', () => {
  it('deletes a session past the retention period and closes its room', async () => {
    const { code } = await createSession(booted);
    const session = booted.workshops.sessions.get(code);
    const file = joinPath(dataDir, `${session?.header.id}.jsonl`);
    const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(file, old, old);
    expect(await booted.workshops.sweep()).toEqual([session?.header.id]);
    expect(booted.workshops.sessions.has(code)).toBe(false);
    expect(booted.workshops.rooms.has(code)).toBe(false);
  });
});
