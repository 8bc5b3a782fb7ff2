/**
 * One device of a networked workshop: its connection, the game it is sent
 * (a remote source) and the face it shows (the same PlayView as a local
 * game: the console, a team's seat or the projector), with a line saying
 * whether it is connected and every error the server sends, translated.
 */
import { loadScenario } from '../../content/scenario-loader.ts';
import type { Scenario } from '../../engine/types.ts';
import { t } from '../../i18n/index.ts';
import type { AppContext } from '../../ui/app-context.ts';
import { h } from '../../ui/dom.ts';
import type { JoinedMessage, JoinOptions, ViewMessage } from '../session/workshop-protocol.ts';
import type { Face } from '../table/faces.ts';
import { PlayView } from '../table/play-view.ts';
import { WorkshopConnection } from './connection.ts';
import { ConsolePanel } from './console-panel.ts';
import { storeKeeper } from './kept-draft.ts';
import { RemoteSource } from './remote-source.ts';
import { keepToken, readToken } from './tokens.ts';

export type DeviceRole = { role: 'facilitator' } | { role: 'screen' } | { role: 'seat'; seat?: number };

export class DevicePage {
  private readonly statusLine = h('p', { class: 'workshop-status', role: 'status', 'data-status': 'connecting' });
  private readonly alert = h('p', { class: 'notice workshop-error', role: 'alert', hidden: true });
  private readonly body = h('div', { class: 'workshop-device' });
  private readonly rejoin = h('p', { class: 'workshop-rejoin' });
  private connection: WorkshopConnection | null = null;
  private source: RemoteSource | null = null;
  private play: PlayView | null = null;
  private console: ConsolePanel | null = null;
  private scenario: Scenario | null = null;
  private joined: JoinedMessage | null = null;
  private status: { status: string; key?: string | undefined } = { status: 'connecting' };
  private disposed = false;
  /** On the console: the button that takes the focus to the join code and the seats. */
  private jump: HTMLElement | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly code: string,
    private readonly who: DeviceRole,
  ) {}

  /** The options of the next join: a seat's token once this device has one. */
  private joinOptions(): JoinOptions {
    const { code } = this;
    if (this.who.role === 'screen') return { role: 'screen', code };
    if (this.who.role === 'facilitator')
      return { role: 'facilitator', code, token: readToken(this.ctx.store, code, 'facilitator') ?? '' };
    const token = readToken(this.ctx.store, code, 'seat');
    return token ? { role: 'seat', code, token } : { role: 'seat', code, seat: this.who.seat ?? 1 };
  }

  /** Connects and shows the face; rejects with the i18next key of a refused join. */
  async mount(target: HTMLElement): Promise<void> {
    target.append(this.statusLine, this.alert, this.body);
    this.drawStatus();
    this.connection = new WorkshopConnection(() => this.joinOptions(), {
      joined: (m) => this.onJoined(m),
      view: (m, verdict) => (this.source ? this.source.receive(m, verdict) : void this.start(m)),
      timer: (timer) => this.source?.tick(timer),
      seatToken: (m) => this.console?.handed(m.seat, m.token),
      error: (m) => {
        this.showError(t(m.key));
        if (m.code === 'refused' && m.reason) this.source?.refused(m.reason);
        // The device acted on an old view: the current one comes with `sync`.
        if (m.code === 'stale-version') this.connection?.sync();
      },
      status: (status, key) => {
        this.status = { status, key };
        this.drawStatus();
        if (status === 'closed') this.letGo();
      },
      seats: (m) => this.console?.seats(m.seats),
    });
    try {
      await this.connection.open();
    } catch (error) {
      // Refused or unreachable: the status line no longer says it is connecting (the caller shows why).
      this.status = { status: 'refused' };
      this.drawStatus();
      throw error;
    }
  }

  private onJoined(m: JoinedMessage): void {
    this.joined = m;
    if (m.file) this.source?.history(m.file);
    // A seat taken by its number gets its token once: kept, so a reload or a lost connection finds the seat again.
    if (m.token) this.ctx.reportStore(keepToken(this.ctx.store, this.code, 'seat', m.token));
    this.console?.seats(m.seats);
  }

  /** The first view: the scenario, the source and the face. */
  private async start(first: ViewMessage): Promise<void> {
    const joined = this.joined;
    if (!joined || this.scenario) return;
    const scenario = await loadScenario(joined.scenario);
    if (this.disposed) return;
    if (!scenario) {
      this.showError(t('workshop:client.unknownScenario'));
      return;
    }
    this.scenario = scenario;
    const source = new RemoteSource(
      this.code,
      scenario,
      joined.role,
      first,
      (entry, version) => this.connection?.sendEvent(entry, version),
      joined.role === 'seat' ? storeKeeper(this.ctx.store, this.code) : undefined,
    );
    this.source = source;
    const file = this.joined?.file ?? joined.file;
    if (file) source.history(file);
    const face: Face =
      joined.role === 'facilitator'
        ? { kind: 'facilitator' }
        : joined.role === 'seat' && joined.seat
          ? { kind: 'team', team: joined.seat, remote: true }
          : { kind: 'screen' };
    this.play = new PlayView(this.ctx, scenario, source, face);
    this.play.mount(this.body);
    if (joined.role === 'facilitator') {
      this.console = new ConsolePanel(
        this.code,
        scenario,
        source,
        (seat, to) => this.connection?.handSeat(seat, to),
        (team) => this.connection?.sendEvent({ type: 'pass', team }, source.version()),
      );
      this.console.seats(joined.seats);
      this.body.append(this.console.root);
      // The join code and the seats come after the whole game: one step takes the facilitator there.
      const panel = this.console.root;
      this.jump = h(
        'button',
        {
          type: 'button',
          class: 'button-quiet workshop-jump',
          onclick: () => {
            const title = panel.querySelector<HTMLElement>('#workshop-join-title');
            title?.setAttribute('tabindex', '-1');
            title?.scrollIntoView({ block: 'start' });
            title?.focus({ preventScroll: true });
          },
        },
        t('workshop:console.jump'),
      );
      this.body.prepend(this.jump);
    }
  }

  /**
   * The link is closed for good (the seat went to a bot, to nobody, to another device): the game stays in view
   * but takes no move, and one button, brought into view with the focus, reloads the page back to the
   * workshop (a seat's device is then told its key no longer opens the seat, and shown the seats).
   */
  private letGo(): void {
    if (!this.play || this.rejoin.isConnected) return;
    this.body.inert = true;
    this.rejoin.replaceChildren(
      h('button', { type: 'button', class: 'button', onclick: () => location.reload() }, t('workshop:client.rejoin')),
    );
    this.alert.after(this.rejoin);
    const button = this.rejoin.querySelector('button');
    button?.scrollIntoView({ block: 'center' });
    button?.focus({ preventScroll: true });
  }

  private showError(message: string): void {
    this.alert.hidden = false;
    this.alert.textContent = message;
  }

  private drawStatus(): void {
    const { status, key } = this.status;
    this.statusLine.dataset.status = status;
    const line = status === 'online' ? t('workshop:client.online', { code: this.code }) : t(`workshop:client.${status}`);
    // A reason the alert above already gives is not said twice.
    const said = key && !(this.alert.hidden === false && this.alert.textContent === t(key));
    this.statusLine.textContent = said ? `${line} ${t(key)}` : line;
  }

  relocalize(): void {
    this.drawStatus();
    const again = this.rejoin.querySelector('button');
    if (again) again.textContent = t('workshop:client.rejoin');
    if (this.jump) this.jump.textContent = t('workshop:console.jump');
    this.play?.relocalize();
    this.console?.relocalize();
  }

  dispose(): void {
    this.disposed = true;
    this.connection?.close();
    this.play?.dispose();
    this.console?.dispose();
    this.source?.dispose();
  }
}
