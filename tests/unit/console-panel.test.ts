// @vitest-environment happy-dom
/**
 * The console's seats: a seat's "last action", in words, read from the
 * session's log, and its connection around a hand-over to another device;
 * 3 teams on periurban-brownfield, seed 1, round 1's plan phase.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, createGame } from '../../src/engine/index.ts';
import type { GameState } from '../../src/engine/types.ts';
import { ConsolePanel, lastAction } from '../../src/game/network/console-panel.ts';
import type { RemoteSource } from '../../src/game/network/remote-source.ts';
import type { GameView } from '../../src/game/session/controller.ts';
import { initI18n } from '../../src/i18n/index.ts';
import type { LogEntry } from '../../src/machines/game.ts';
import { CONTINUE, pass, scenario, start } from './helpers.ts';

const s = scenario('periurban-brownfield');
const game: GameState = applyEvent(createGame(s, { seed: 1, teams: ['T1', 'T2', 'T3'] }), s, CONTINUE);
const view = { game } as GameView;

beforeAll(async () => {
  await initI18n('en');
});

describe('a seat’s last action', () => {
  it('says an offer to pool was made, a plain start, a pass, and nothing for a team that did nothing', () => {
    const log: LogEntry[] = [
      CONTINUE,
      start('team-1', 'solidarity-transport', ['call-for-projects'], ['team-2']),
      start('team-2', 'solidarity-transport', ['call-for-projects']),
      pass('team-3'),
    ];
    expect(['team-1', 'team-2', 'team-3'].map((team) => lastAction(log, team, view, s))).toEqual([
      'offered to pool Solidarity transport',
      'started Solidarity transport',
      'passed',
    ]);
    expect(lastAction([CONTINUE], 'team-1', view, s)).toBeNull();
  });
});

describe('the console’s seats after a hand-over', () => {
  const source = { view: () => view, subscribe: () => () => {}, seen: () => [] } as unknown as RemoteSource;
  const panel = () =>
    new ConsolePanel(
      'ABCD-EFGH',
      s,
      source,
      () => {},
      () => {},
    );
  const connection = (p: ConsolePanel, seat: string) =>
    p.root.querySelector(`tr[data-seat="${seat}"]`)?.querySelectorAll('td')[1]?.textContent;
  type Seats = Parameters<ConsolePanel['seats']>[0];
  const seats = (team2: Seats[number]['holder'], connected: boolean): Seats => [
    { seat: 'team-1', holder: 'device', connected: false },
    { seat: 'team-2', holder: team2, connected },
    { seat: 'team-3', holder: null, connected: false },
  ];

  it('waits for the new device rather than calling the seat offline, until it comes in', () => {
    const p = panel();
    p.seats(seats('device', true));
    p.handed('team-2', 'new-token');
    p.seats(seats('device', false));
    expect([connection(p, 'team-1'), connection(p, 'team-2'), connection(p, 'team-3')]).toEqual([
      'offline',
      'waiting for the new device',
      '—',
    ]);
    expect(p.root.querySelector('a[data-handed="team-2"]')).not.toBeNull();
    expect(p.root.querySelector('.workshop-handed p')?.textContent).toBe(
      'Seat of T2: open this link on the new device (the old one is disconnected).',
    );
    p.seats(seats('device', true));
    expect(connection(p, 'team-2')).toBe('connected');
    expect(p.root.querySelector('.workshop-handed')?.textContent).toBe(
      'T2 joined the workshop on its new device: its link is no longer shown.',
    );
  });

  it('does not hand a seat where it already is: to a bot when a bot holds it, to nobody when it is free', () => {
    const handed: string[] = [];
    const p = new ConsolePanel(
      'ABCD-EFGH',
      s,
      source,
      (seat, to) => handed.push(`${seat}:${to}`),
      () => {},
    );
    p.seats(seats('bot', false));
    const button = (id: string) => p.root.querySelector(`#${id}`) as HTMLButtonElement;
    expect(
      ['hand-2-bot', 'hand-2-free', 'hand-3-free', 'hand-3-bot'].map((id) => button(id).getAttribute('aria-disabled')),
    ).toEqual(['true', null, 'true', null]);
    button('hand-2-bot').click();
    button('hand-3-free').click();
    button('hand-3-bot').click();
    expect(handed).toEqual(['3:bot']);
  });

  it('hands a bot’s seat to a device without saying a device was let go, and drops the link when the seat goes back to a bot', () => {
    const p = panel();
    p.seats(seats('bot', false));
    p.handed('team-2', 'new-token');
    // A bot held it: no device was let go.
    expect(p.root.querySelector('.workshop-handed p')?.textContent).toBe('Seat of T2: open this link on the new device.');
    p.seats(seats('device', false));
    p.seats(seats('bot', false));
    expect(connection(p, 'team-2')).toBe('—');
    expect(p.root.querySelector('a[data-handed]')).toBeNull();
    expect(p.root.querySelector('.workshop-handed')?.textContent).toBe('');
  });
});
