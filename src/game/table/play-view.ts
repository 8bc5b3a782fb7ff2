/**
 * A game in progress: the Phaser map (its own chunk), the phase panel, the
 * facilitator controls, narration, sound captions and keyboard shortcuts.
 */
import type { SoundBank } from '../../audio/sound.ts';
import { teamsToAct } from '../../engine/index.ts';
import type { Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import type { AppContext } from '../../ui/app-context.ts';
import { confirmDialog, downloadText } from '../../ui/dialog.ts';
import { h } from '../../ui/dom.ts';
import { loadedMapCode, loadMapCode } from '../map/map-code.ts';
import { mapModel, shownTeam } from '../map/map-model.ts';
import { mapTextView } from '../map/map-text.ts';
import type { MapHandle } from '../map/view-model.ts';
import { GameController, type GameStart, type GameView } from '../session/controller.ts';
import { exportSave, writeSave } from '../session/game-saves.ts';
import { broadcastChannel, SessionLink, webLock } from '../session/local-link.ts';
import { type Face, faceLabel, facePlays, roundAsItStands, sharedStep, warnedTeams, withoutControls } from './faces.ts';
import { facilitatorPanel, timerDisplay } from './facilitator-panel.ts';
import { narrate } from './narration.ts';
import { emptyDraft } from './notes-panel.ts';
import { type PanelContext, phasePanel } from './panels.ts';
import { collapseWarnings, rulesPanel } from './rules-panel.ts';
import { helpDialog, installShortcuts, type ShortcutContext, shortcutFor } from './shortcuts.ts';

export class PlayView {
  private readonly controller: GameController;
  private readonly root = h('div', { class: 'play' });
  private readonly heading = h('h1', { id: 'page-title' });
  private readonly faceLine = h('p', { class: 'face-label' });
  private readonly banner = h('p', { class: 'turn-banner' });
  private readonly timerSlot = h('div', { class: 'timer-slot' });
  private readonly mapBox = h('div', { class: 'map-canvas', role: 'img' });
  private readonly mapText = h('details', { class: 'map-text' });
  private readonly captions = h('p', { class: 'captions', 'aria-live': 'polite' });
  private readonly panel = h('section', { class: 'phase-panel', 'aria-labelledby': 'phase-title' });
  private readonly facilitatorSlot = h('div', { class: 'facilitator-slot' });
  private readonly debriefSlot = h('div', { class: 'debrief-slot' });
  private readonly toolbar = h('div', { class: 'game-toolbar' });
  private map: MapHandle | null = null;
  private sound: SoundBank | null = null;
  private last: GameView | null = null;
  private panelKey = '';
  private facilitatorKey = '';
  private mapTextKey = '';
  private showFacilitator: boolean;
  private readonly funding = new Set<string>();
  private readonly pools = new Map<string, Set<string>>();
  private readonly grids: PanelContext['gridChoice'] = new Map();
  private readonly noteDraft = emptyDraft();
  private readonly cleanups: (() => void)[] = [];
  private firstFrame = false;
  private readyMarked = false;
  private disposed = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly scenario: Scenario,
    saveId: string,
    start: GameStart,
    facilitator: boolean,
    private readonly face: Face = { kind: 'table' },
  ) {
    this.controller = new GameController(
      scenario,
      saveId,
      (s) => writeSave(ctx.store, s),
      (r) => this.reportStore(r),
      start,
      facilitator,
    );
    // The same game open in other windows (projector, console, seats) stays one game.
    const name = `resilient-territory-kit:session:${saveId}`;
    this.controller.connect((replica) => new SessionLink(broadcastChannel(name), webLock(name), replica));
    const view = this.controller.view();
    // The console always shows the facilitator's controls; the projector and the seats never do.
    this.showFacilitator = face.kind === 'facilitator' || (face.kind === 'table' && view.facilitator);
    this.root.classList.add(`face-${face.kind}`);
    for (const lever of view.round?.levers ?? []) this.funding.add(lever);
  }

  mount(container: HTMLElement): void {
    this.root.append(
      this.heading,
      this.faceLine,
      this.toolbar,
      this.banner,
      this.timerSlot,
      h(
        'div',
        { class: 'game-layout' },
        h('div', { class: 'map-area' }, this.mapBox, this.captions, this.mapText),
        this.panel,
        this.facilitatorSlot,
      ),
      this.debriefSlot,
    );
    container.append(this.root);
    this.cleanups.push(this.controller.subscribe((view) => this.render(view)));
    this.cleanups.push(installShortcuts({ run: (key) => this.shortcut(key) }));
    const tick = window.setInterval(() => this.tick(), 1000);
    this.cleanups.push(() => window.clearInterval(tick));
    this.render(this.controller.view());
    void this.startMap();
  }

  relocalize(): void {
    this.panelKey = '';
    this.facilitatorKey = '';
    this.render(this.controller.view(), true);
  }

  dispose(): void {
    this.disposed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.map?.destroy();
    this.sound?.dispose();
    this.controller.dispose();
  }

  private reportStore(result: Parameters<AppContext['reportStore']>[0]): void {
    // One message per kind of failure, not one per event.
    if (!result.ok && !this.root.dataset[`store${result.error}`]) {
      this.root.dataset[`store${result.error}`] = 'shown';
      this.ctx.reportStore(result);
    }
  }

  private async startMap(): Promise<void> {
    this.mapBox.append(h('p', { class: 'map-loading' }, t('game:map.loading')));
    const { startMap } = loadedMapCode() ?? (await loadMapCode());
    if (this.disposed) return;
    this.mapBox.replaceChildren();
    const map = await startMap(this.mapBox, mapModel(this.controller.view(), this.scenario, this.ctx.reducedMotion()), () => {
      this.firstFrame = true;
      this.markReady();
    });
    if (this.disposed) {
      map.destroy();
      return;
    }
    this.map = map;
    this.mapBox.dataset.renderer = map.renderer();
    map.update(mapModel(this.controller.view(), this.scenario, this.ctx.reducedMotion()));
  }

  /** Load time is measured from outside: the map has drawn and the first turn accepts input. */
  private markReady(): void {
    // The table is ready when its first turn accepts input; the other faces once the round shows.
    const shown = this.face.kind === 'table' ? this.panel.querySelector('button') : this.panel.querySelector('#phase-title');
    if (this.readyMarked || !this.firstFrame || !shown) return;
    this.readyMarked = true;
    performance.mark('kit:game-ready');
    this.root.dataset.ready = 'true';
  }

  private tick(): void {
    const view = this.controller.view();
    if (view.status === 'playing' && view.timer.enabled && !view.paused && (view.phase === 'plan' || view.phase === 'fund')) {
      this.controller.send({ type: 'TICK', seconds: 1 });
    }
  }

  private render(view: GameView, force = false): void {
    if (this.disposed) return;
    // A redraw (the clock redraws every second) must not drop the keyboard focus to <body>.
    const focused =
      document.activeElement instanceof HTMLElement && this.root.contains(document.activeElement) ? document.activeElement : null;
    const focusKey = focused?.id
      ? `#${CSS.escape(focused.id)}`
      : focused?.dataset.tool
        ? `[data-tool="${focused.dataset.tool}"]`
        : null;
    this.draw(view, force);
    if (focused && focusKey && !focused.isConnected && document.activeElement === document.body) {
      (this.root.querySelector(focusKey) as HTMLElement | null)?.focus({ preventScroll: true });
    }
  }

  private draw(view: GameView, force: boolean): void {
    const game = view.game;
    this.heading.textContent = localize(this.scenario.title);
    this.faceLine.textContent = faceLabel(this.face, view.game);
    this.mapBox.setAttribute('aria-label', t('game:map.label', { territory: localize(this.scenario.territory.name) }));
    this.renderToolbar(view);
    const current = game ? teamsToAct(game)[0] : undefined;
    const phase = view.phase ? t(`game:phase.${view.phase}`) : '';
    this.banner.textContent =
      game && view.status === 'playing'
        ? `${t('game:turn.banner', { round: Math.min(game.round, game.rounds), rounds: game.rounds, phase })} · ${
            (view.phase === 'plan' || view.phase === 'fund') && current
              ? t('game:turn.team', { team: current.name })
              : t('game:turn.allTeams')
          }${view.paused ? ` · ${t('game:facilitator.paused')}` : ''}`
        : '';
    this.banner.classList.toggle('paused', view.paused);
    this.timerSlot.replaceChildren(...[timerDisplay(view)].filter((x): x is HTMLElement => x !== null));

    const key = JSON.stringify([
      view.status,
      view.phase,
      game?.round,
      current?.id,
      current?.moves,
      game?.projects.length,
      view.round?.selection,
      view.round?.refusal,
      view.paused,
      // The other faces show who has played and the offers in progress.
      game?.teams.map((team) => team.acted).join(),
      game?.offers.length,
      // A team holding the Department seat sees its splits recorded in the diagnose panel.
      game?.departmentSeat === null ? null : game?.allocations,
      // The debrief of the table and the console lists the facilitator's notes.
      view.status === 'playing' ? null : game?.notes.length,
    ]);
    if (force || key !== this.panelKey) {
      this.panelKey = key;
      this.renderPanel(view);
    }
    const fKey = JSON.stringify([
      this.showFacilitator,
      view.status,
      view.paused,
      view.timer.enabled,
      view.timer.limitSeconds,
      view.timer.forceOnExpiry,
      view.timer.remainingSeconds > 0,
      view.round?.pendingHazard,
      view.game?.plannedHazards.length,
      view.game?.notes.length,
      // The Department seat shows in the diagnose phase, with the round's envelopes and splits.
      view.game?.round,
      view.game?.phase,
      view.game?.allocations,
    ]);
    if (force || fKey !== this.facilitatorKey) {
      this.facilitatorKey = fKey;
      const hadFocus = this.facilitatorSlot.contains(document.activeElement);
      const focusedId = (document.activeElement as HTMLElement | null)?.id;
      this.facilitatorSlot.replaceChildren(
        ...(this.showFacilitator
          ? [
              facilitatorPanel(view, this.scenario, {
                send: (e) => this.controller.send(e),
                confirm: confirmDialog,
                noteDraft: this.noteDraft,
              }),
            ]
          : []),
      );
      if (hadFocus && focusedId) document.getElementById(focusedId)?.focus();
    }
    const mapText = mapTextView(view, this.scenario);
    const mapKey = mapText.map((node) => node.outerHTML).join('');
    if (mapKey !== this.mapTextKey) {
      this.mapTextKey = mapKey;
      this.mapText.replaceChildren(...mapText);
    }
    this.map?.update(mapModel(view, this.scenario, this.ctx.reducedMotion()));
    this.feedback(view);
    this.last = view;
    this.markReady();
  }

  private renderPanel(view: GameView): void {
    const hadFocus = this.panel.contains(document.activeElement) || document.activeElement === document.body;
    const focusedId = this.panel.contains(document.activeElement) ? document.activeElement?.id : undefined;
    const phaseChanged = view.phase !== this.last?.phase || view.status !== this.last?.status;
    if (view.status === 'debrief' || view.status === 'finished') {
      this.panel.replaceChildren();
      this.panel.hidden = true;
      this.renderDebrief(view);
      return;
    }
    this.panel.hidden = false;
    this.debriefSlot.replaceChildren();
    const title = h('h2', { id: 'phase-title', tabindex: -1 }, view.phase ? t(`game:phase.${view.phase}`) : '');
    const panelCtx: PanelContext = {
      scenario: this.scenario,
      view,
      send: (e) => this.controller.send(e),
      fundingChoice: this.funding,
      poolChoice: this.pools,
      gridChoice: this.grids,
    };
    if (view.phase !== 'plan') this.pools.clear();
    this.panel.replaceChildren(
      title,
      ...collapseWarnings(view.game, this.scenario, warnedTeams(this.face, view.game)),
      ...(facePlays(this.face, view)
        ? phasePanel(panelCtx)
        : this.face.kind === 'screen' && sharedStep(view)
          ? withoutControls(phasePanel(panelCtx))
          : roundAsItStands(this.face, view, this.scenario)),
      rulesPanel(view.game, this.scenario),
    );
    this.panel.toggleAttribute('inert', view.paused);
    // A redraw within the phase (another window's move) leaves the focus on the control that had it.
    const kept = !phaseChanged && focusedId ? this.panel.querySelector<HTMLElement>(`#${CSS.escape(focusedId)}`) : null;
    // Nor does a new phase take the focus from a note the facilitator is typing.
    const typing = document.activeElement instanceof HTMLTextAreaElement && !this.panel.contains(document.activeElement);
    if (this.last && (hadFocus || phaseChanged) && !typing) (kept ?? title).focus({ preventScroll: true });
  }

  private renderDebrief(view: GameView): void {
    const game = view.game;
    if (!game) return;
    this.debriefSlot.replaceChildren();
    // The debrief (charts, guide titles) loads when a game reaches it, not with the game.
    void import('../debrief/debrief-view.ts').then(({ renderDebrief }) => {
      if (this.disposed) return;
      this.debriefSlot.replaceChildren();
      const notes = this.face.kind === 'table' || this.face.kind === 'facilitator';
      renderDebrief(this.debriefSlot, { game, scenario: this.scenario, notes });
      this.debriefSlot.append(
        h('p', { class: 'panel-actions' }, h('a', { href: '#/game', class: 'button' }, t('game:debriefActions.newGame'))),
      );
    });
  }

  private renderToolbar(view: GameView): void {
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'button-quiet',
        'data-tool': 'facilitator',
        'aria-pressed': String(this.showFacilitator),
        onclick: () => this.toggleFacilitator(),
      },
      t('game:facilitator.toggle'),
    );
    const hadFocus = this.toolbar.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.tool
      : undefined;
    const base = `#/game/session/${this.controller.id}`;
    const faces =
      this.face.kind === 'table' || this.face.kind === 'facilitator'
        ? h(
            'nav',
            { class: 'face-links', 'aria-label': t('game:faces.links') },
            h('span', {}, t('game:faces.links')),
            ...[
              [`${base}/screen`, t('game:faces.screenFace')],
              [`${base}/facilitator`, t('game:faces.facilitatorFace')],
              ...view.game.teams.map((team, i) => [`${base}/team/${i + 1}`, t('game:faces.teamFace', { team: team.name })]),
            ].map(([href, label]) => h('a', { href, target: '_blank', rel: 'noopener' }, label)),
          )
        : null;
    this.toolbar.replaceChildren(
      ...(this.face.kind === 'table' ? [toggle] : []),
      h(
        'button',
        { type: 'button', class: 'button-quiet', 'data-tool': 'help', onclick: () => helpDialog(this.shortcutContext()) },
        t('game:actions.help'),
      ),
      h(
        'button',
        { type: 'button', class: 'button-quiet', 'data-tool': 'export', onclick: () => this.exportGame() },
        t('game:actions.export'),
      ),
      h('a', { href: '#/game', class: 'button-quiet', 'data-tool': 'new' }, t('game:actions.newGame')),
      ...(faces ? [faces] : []),
    );
    toggle.dataset.tool = 'facilitator';
    if (hadFocus) (this.toolbar.querySelector(`[data-tool="${hadFocus}"]`) as HTMLElement | null)?.focus();
  }

  private toggleFacilitator(): void {
    this.showFacilitator = !this.showFacilitator;
    this.controller.send({ type: 'SET_FACILITATOR', enabled: this.showFacilitator });
    this.render(this.controller.view());
  }

  private exportGame(): void {
    const save = this.controller.save();
    downloadText(`partie-${save.file.scenario}-${save.id}.json`, exportSave(save));
  }

  /** Narration for screen readers, and sound with its visible caption. */
  private feedback(view: GameView): void {
    const messages = narrate(this.last, view, this.scenario);
    if (messages.length > 0) this.ctx.announce(messages.join(' '));
    const settings = this.ctx.settings();
    if (settings.sound && !this.sound) void this.startSound();
    this.sound?.setEnabled(settings.sound);
    this.sound?.setVolume(settings.volume);
    if (!this.last || !this.sound) return;
    const game = view.game;
    const prev = this.last.game;
    if (!game || !prev) return;
    if (game.hazards.length > prev.hazards.length) this.sound.play('hazard');
    else if (game.projects.filter((p) => p.built).length > prev.projects.filter((p) => p.built).length) this.sound.play('build');
    else if (view.status === 'debrief' && this.last.status !== 'debrief') this.sound.play('success');
    else if (view.round?.refusal && view.round.refusal !== this.last.round?.refusal) this.sound.play('error');
    else if (teamsToAct(game)[0]?.id !== teamsToAct(prev)[0]?.id && view.phase === 'plan') this.sound.play('turn');
  }

  private async startSound(): Promise<void> {
    const { createSoundBank } = await import('../../audio/sound.ts');
    if (this.disposed || this.sound) return;
    const settings = this.ctx.settings();
    this.sound = createSoundBank({ enabled: settings.sound, volume: settings.volume });
    let timeout = 0;
    this.cleanups.push(
      this.sound.onCaption((cue, active) => {
        if (!active) return;
        this.captions.textContent = `♪ ${t(`game:sound.${cue}`)}`;
        window.clearTimeout(timeout);
        timeout = window.setTimeout(() => {
          if (cue !== 'ambient') this.captions.textContent = '';
        }, 3000);
      }),
    );
    this.sound.playAmbient(this.scenario.id);
  }

  private shortcutContext(): ShortcutContext {
    const view = this.controller.view();
    return { view, facilitator: this.showFacilitator, face: this.face.kind, plays: facePlays(this.face, view) };
  }

  private shortcut(key: string): boolean {
    const ctx = this.shortcutContext();
    const shortcut = shortcutFor(key, ctx);
    if (!shortcut) return false;
    switch (shortcut.action) {
      case 'continue':
        this.controller.send({ type: 'CONTINUE' });
        break;
      case 'pass':
        this.controller.send({ type: 'PASS' });
        break;
      case 'back':
        this.controller.send({ type: 'BACK' });
        break;
      case 'facilitator':
        this.toggleFacilitator();
        break;
      case 'pause':
        this.controller.send({ type: ctx.view.paused ? 'RESUME' : 'PAUSE' });
        break;
      case 'map':
        this.mapText.open = !this.mapText.open;
        this.mapText.querySelector('summary')?.focus();
        break;
      case 'help':
        helpDialog(ctx);
        break;
    }
    return true;
  }

  /** The team the map shows (for tests and the text view). */
  shownTeam(): string | undefined {
    return shownTeam(this.controller.view())?.id;
  }
}
