/**
 * The console's workshop panel: the join code, big, with the join link and
 * its QR code (the code and the link as text beside it), then the seats: who
 * holds each (a device, a bot, nobody), connected or offline, whether it has
 * played this round (and, when its device is away on its turn, a button that
 * passes for it), its last action, and the buttons that hand it on.
 * Team names go in as text, never as markup.
 */
import { currentTeam } from '../../engine/index.ts';
import type { Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import type { LogEntry } from '../../machines/game.ts';
import { confirmDialog } from '../../ui/dialog.ts';
import { h } from '../../ui/dom.ts';
import type { GameView } from '../session/controller.ts';
import type { JoinedMessage } from '../session/workshop-protocol.ts';
import { qrImage } from './qr.ts';
import type { RemoteSource } from './remote-source.ts';
import { joinUrl } from './tokens.ts';

type Seats = JoinedMessage['seats'];
type HandTo = 'device' | 'bot' | 'free';

/** What a seat's last entry says, in words (null: none seen). */
export function lastAction(entries: readonly LogEntry[], team: string, view: GameView, scenario: Scenario): string | null {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i] as LogEntry;
    const by = 'team' in entry ? entry.team : entry.type === 'allocate-envelope' ? entry.by : undefined;
    if (by !== team) continue;
    const card = entry.type === 'start-project' ? scenario.cards[entry.card] : undefined;
    const to = entry.type === 'send-aid' ? view.game.teams.find((x) => x.id === entry.to)?.name : undefined;
    // A start with partners is an offer until they answer: the log entry says what the team did, not how it ended.
    const offered = entry.type === 'start-project' && (entry.partners?.length ?? 0) > 0;
    return t(`workshop:console.action.${offered ? 'offered' : entry.type}`, {
      card: card ? localize(card.title) : '',
      team: to ?? '',
    });
  }
  return null;
}

export class ConsolePanel {
  readonly root = h('section', { class: 'workshop-console', 'aria-labelledby': 'workshop-join-title' });
  private readonly joinBox = h('div', { class: 'workshop-join' });
  private readonly seatsBox = h('div', { class: 'workshop-seats' });
  private readonly handedBox = h('div', { class: 'workshop-handed', 'aria-live': 'polite' });
  private current: Seats = [];
  /** `fromDevice`: a device held the seat when it was handed on (it has been let go). */
  private handedTo: { seat: string; token: string; fromDevice: boolean } | null = null;
  private key = '';
  private readonly unsubscribe: () => void;

  constructor(
    private readonly code: string,
    private readonly scenario: Scenario,
    private readonly source: RemoteSource,
    private readonly hand: (seat: number, to: HandTo) => void,
    /** Passes the turn of a team whose device is away (or which no one holds). */
    private readonly passFor: (team: string) => void,
  ) {
    this.root.append(this.joinBox, this.seatsBox, this.handedBox);
    this.drawJoin();
    this.unsubscribe = source.subscribe(() => this.drawSeats());
  }

  seats(seats: Seats): void {
    const handed = this.handedTo;
    const before = this.current;
    this.current = seats;
    // The handed seat's new device came in: its link, which would open the seat to anyone else, is taken away.
    const arrived = (list: Seats) => list.some((s) => s.seat === handed?.seat && s.holder === 'device' && s.connected);
    if (handed && arrived(seats) && !arrived(before)) {
      this.handedTo = null;
      const team = this.source.view().game.teams.find((x) => x.id === handed.seat)?.name ?? handed.seat;
      this.handedBox.replaceChildren(h('p', {}, t('workshop:console.handedDone', { team })));
    } else if (handed && seats.some((s) => s.seat === handed.seat && s.holder !== 'device')) {
      // Handed on again, to a bot or to nobody, before the device came: the server forgot that link's token.
      this.handedTo = null;
      this.handedBox.replaceChildren();
    }
    this.drawSeats();
  }

  /** Hands a seat on; a seat whose device is at the table is only taken from it once the facilitator confirms. */
  private async handSeat(n: number, team: string, to: HandTo): Promise<void> {
    const seat = this.current[n - 1];
    if (seat?.holder === 'device' && seat.connected && !(await confirmDialog(t(`workshop:console.confirm.${to}`, { team }))))
      return;
    this.hand(n, to);
  }

  /** A seat handed to a new device: its link and QR, for the facilitator to pass on (never sent to any seat). */
  handed(seat: string, token: string): void {
    const fromDevice = this.current.some((s) => s.seat === seat && s.holder === 'device');
    this.handedTo = { seat, token, fromDevice };
    this.drawHanded();
    this.drawSeats();
  }

  relocalize(): void {
    this.key = '';
    this.drawJoin();
    this.drawSeats();
    this.drawHanded();
  }

  dispose(): void {
    this.unsubscribe();
  }

  private drawJoin(): void {
    const url = joinUrl(this.code);
    this.joinBox.replaceChildren(
      h('h2', { id: 'workshop-join-title' }, t('workshop:console.join')),
      h(
        'p',
        { class: 'workshop-code' },
        h('span', { class: 'workshop-code-label' }, t('workshop:console.code')),
        ' ',
        h('strong', { 'data-code': this.code }, this.code),
      ),
      qrImage(url, t('workshop:console.qr', { url })),
      h('p', {}, t('workshop:console.url'), ' ', h('a', { href: url, class: 'workshop-url' }, url)),
      h('p', { class: 'hint' }, t('workshop:console.screen', { url: joinUrl(this.code, { screen: '' }) })),
    );
  }

  private drawHanded(): void {
    const handed = this.handedTo;
    if (!handed) return;
    const team = this.source.view().game.teams.find((x) => x.id === handed.seat)?.name ?? handed.seat;
    const url = joinUrl(this.code, { token: handed.token });
    this.handedBox.replaceChildren(
      h('p', {}, t(handed.fromDevice ? 'workshop:console.handed' : 'workshop:console.handedFresh', { team })),
      qrImage(url, t('workshop:console.handedQr', { team })),
      h('p', {}, h('a', { href: url, 'data-handed': handed.seat }, url)),
    );
  }

  private drawSeats(): void {
    const view = this.source.view();
    const game = view.game;
    const turn = currentTeam(game);
    const rows = game.teams.map((team) => {
      const seat = this.current.find((s) => s.seat === team.id);
      const holder = seat?.holder ?? null;
      const played = team.id === turn ? 'playing' : team.acted ? 'done' : 'waiting';
      return {
        id: team.id,
        name: team.name,
        holder,
        connected: seat?.connected ?? false,
        // Handed on and its new device not in yet: waiting for it, not a device that dropped out.
        awaited: holder === 'device' && !seat?.connected && this.handedTo?.seat === team.id,
        played,
        // Its turn, no device of its own at the table, the game running: the console may pass for it.
        canPass: played === 'playing' && !view.paused && holder !== 'bot' && !(holder === 'device' && seat?.connected),
        last: lastAction(this.source.seen(), team.id, view, this.scenario),
      };
    });
    const key = JSON.stringify(rows);
    if (key === this.key) return;
    this.key = key;
    const focused = this.seatsBox.contains(document.activeElement) ? document.activeElement?.id : undefined;
    const cell = (text: string, attrs: Record<string, string> = {}) => h('td', attrs, text);
    // A seat already with a bot, or already free, is not handed there again: said, and kept in the Tab order.
    const button = (n: number, name: string, to: HandTo, holder: Seats[number]['holder']) => {
      const already = (to === 'bot' && holder === 'bot') || (to === 'free' && holder === null);
      return h(
        'button',
        {
          type: 'button',
          class: 'button-quiet',
          id: `hand-${n}-${to}`,
          'aria-disabled': already ? 'true' : undefined,
          'aria-label': t(`workshop:console.${to === 'device' ? 'toDevice' : to === 'bot' ? 'toBot' : 'toFree'}Label`, {
            team: name,
          }),
          onclick: () => {
            if (!already) void this.handSeat(n, name, to);
          },
        },
        t(`workshop:console.${to === 'device' ? 'toDevice' : to === 'bot' ? 'toBot' : 'toFree'}`),
      );
    };
    this.seatsBox.replaceChildren(
      h('h2', { id: 'workshop-seats-title' }, t('workshop:console.seats')),
      // Six columns do not fit a phone: the table scrolls on its own (and from the keyboard), not the page.
      h(
        'div',
        { class: 'table-scroll', tabindex: 0, role: 'group', 'aria-labelledby': 'workshop-seats-title' },
        h(
          'table',
          { class: 'workshop-seat-table', 'aria-labelledby': 'workshop-seats-title' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['team', 'holder', 'connection', 'played', 'last', 'actions'].map((c) =>
                h('th', { scope: 'col' }, t(`workshop:console.${c}`)),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.map((row, i) =>
              h(
                'tr',
                { 'data-seat': row.id, 'data-holder': row.holder ?? 'free', 'data-connected': String(row.connected) },
                h('th', { scope: 'row' }, row.name),
                cell(t(`workshop:console.holders.${row.holder ?? 'free'}`)),
                cell(
                  row.holder === 'device'
                    ? t(`workshop:console.${row.connected ? 'connected' : row.awaited ? 'awaited' : 'offline'}`)
                    : '—',
                ),
                h(
                  'td',
                  { 'data-played': row.played },
                  t(`workshop:console.${row.played}`),
                  ...(row.canPass
                    ? [
                        ' ',
                        h(
                          'button',
                          {
                            type: 'button',
                            class: 'button-quiet',
                            id: `pass-for-${i + 1}`,
                            'aria-label': t('workshop:console.passForLabel', { team: row.name }),
                            onclick: () => this.passFor(row.id),
                          },
                          t('workshop:console.passFor'),
                        ),
                      ]
                    : []),
                ),
                cell(row.last ?? t('workshop:console.none')),
                h(
                  'td',
                  {},
                  button(i + 1, row.name, 'device', row.holder),
                  button(i + 1, row.name, 'bot', row.holder),
                  button(i + 1, row.name, 'free', row.holder),
                ),
              ),
            ),
          ),
        ),
      ),
    );
    if (focused) document.getElementById(focused)?.focus();
  }
}
