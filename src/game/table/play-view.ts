import type { Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import type { StoreResult } from '../../storage/store.ts';
import type { AppContext } from '../../ui/app-context.ts';
import { confirmDialog, downloadText } from '../../ui/dialog.ts';
import { h } from '../../ui/dom.ts';
import { PanelNews } from '../../ui/panel-news.ts';
import { type MapOptions, mapModel, shownTeam } from '../map/map-model.ts';
import { mapTextView } from '../map/map-text.ts';
import { GameController, type GameStart, type GameView } from '../session/controller.ts';
import { exportSave, writeSave } from '../session/game-saves.ts';
import { broadcastChannel, SessionLink, webLock } from '../session/local-link.ts';
import type { GameSource } from '../session/source.ts';
import { BigTimer } from './big-timer.ts';
import { showDebrief } from './debrief-slot.ts';
import {
  type Face,
  faceLabel,
  facePlays,
  keptControls,
  readsSharedSteps,
  roundAsItStands,
  sharedStep,
  warnedTeams,
  withoutControls,
} from './faces.ts';
import { facilitatorPanel, timerDisplay } from './facilitator-panel.ts';
import { GameFeedback } from './feedback.ts';
import { turnBanner } from './format.ts';
import { HazardReveal } from './hazard-reveal.ts';
import { MapSlot } from './map-slot.ts';
import { emptyDraft } from './notes-panel.ts';
import { type PanelContext, phasePanel } from './panels.ts';
import { facilitatorKey, panelKey } from './redraw-keys.ts';
import { collapseWarnings, rulesPanel } from './rules-panel.ts';
import { helpDialog, installShortcuts, type ShortcutContext, shortcutFor } from './shortcuts.ts';
import { tableToolbar } from './table-toolbar.ts';

export class PlayView {
  private readonly root = h('div', { class: 'play' });
  private readonly heading = h('h1', { id: 'page-title' });
  private readonly faceLine = h('p', { class: 'face-label' });
  private readonly banner = h('p', { class: 'turn-banner' });
  private readonly timerSlot = h('div', { class: 'timer-slot' });
  private readonly mapSlot = new MapSlot();
  private readonly mapText = h('details', { class: 'map-text' });
  private readonly captions = h('p', { class: 'captions', 'aria-live': 'polite' });
  private readonly feedback: GameFeedback;
  private readonly panel = h('section', { class: 'phase-panel', 'aria-labelledby': 'phase-title' });
  private readonly facilitatorSlot = h('div', { class: 'facilitator-slot' });
  private readonly panelNews = new PanelNews();
  private readonly debriefSlot = h('div', { class: 'debrief-slot' });
  private readonly toolbar = h('div', { class: 'game-toolbar' });
  private readonly bigTimer = new BigTimer(this.timerSlot);
  /** The hazard's reveal, on the faces where the room reads it together: the projector and the table. */
  private readonly reveal: HazardReveal | null;
  /** The projector's map: every team's projects, communes named, no text under 14 px as shown. */
  private readonly mapOptions: MapOptions;
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
  private readyMarked = false;
  private disposed = false;

  /** The game of this browser, in this window and the others of the same session (see session/local-link.ts). */
  static local(
    ctx: AppContext,
    scenario: Scenario,
    saveId: string,
    start: GameStart,
    facilitator: boolean,
    face?: Face,
  ): PlayView {
    const shown = new Set<string>();
    // One message per kind of failure, not one per event.
    const report = (result: StoreResult) => {
      if (!result.ok && !shown.has(result.error)) {
        shown.add(result.error);
        ctx.reportStore(result);
      }
    };
    const controller = new GameController(scenario, saveId, (s) => writeSave(ctx.store, s), report, start, facilitator);
    // The same game open in other windows (projector, console, seats) stays one game.
    const name = `resilient-territory-kit:session:${saveId}`;
    controller.connect((replica) => new SessionLink(broadcastChannel(name), webLock(name), replica));
    return new PlayView(ctx, scenario, controller, face);
  }

  constructor(
    private readonly ctx: AppContext,
    private readonly scenario: Scenario,
    private readonly controller: GameSource,
    private readonly face: Face = { kind: 'table' },
  ) {
    const view = this.controller.view();
    // The console always shows the facilitator's controls; the projector and the seats never do.
    this.showFacilitator = face.kind === 'facilitator' || (face.kind === 'table' && view.facilitator);
    this.root.classList.add(`face-${face.kind}`);
    for (const lever of view.round?.levers ?? []) this.funding.add(lever);
    this.feedback = new GameFeedback(ctx, scenario, this.captions);
    this.mapOptions = face.kind === 'screen' ? { allTeams: true, minTextPx: 14 } : {};
    this.reveal =
      face.kind === 'screen' || face.kind === 'table'
        ? new HazardReveal(this.root, scenario, { soundOn: () => ctx.settings().sound, reducedMotion: () => ctx.reducedMotion() })
        : null;
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
        h('div', { class: 'map-area' }, this.mapSlot.box, this.captions, this.mapText),
        this.panel,
        this.facilitatorSlot,
        this.panelNews.region,
      ),
      this.debriefSlot,
    );
    container.append(this.root);
    this.cleanups.push(this.controller.subscribe((view) => this.render(view)));
    this.cleanups.push(installShortcuts({ run: (key) => this.shortcut(key) }));
    const tick = window.setInterval(() => this.tick(), 1000);
    this.cleanups.push(() => window.clearInterval(tick));
    // The map first: the GPU process sets up its WebGL context and shaders while this task
    // renders the panels, instead of after them (the map's slot is the same size either way).
    void this.mapSlot.start(
      () => this.mapModelOf(this.controller.view()),
      () => this.markReady(),
    );
    this.render(this.controller.view());
  }

  relocalize(): void {
    this.panelKey = '';
    this.facilitatorKey = '';
    this.render(this.controller.view(), true);
  }

  dispose(): void {
    this.disposed = true;
    this.reveal?.dispose();
    for (const cleanup of this.cleanups) cleanup();
    this.mapSlot.destroy();
    this.feedback.dispose();
    this.controller.dispose();
  }

  private mapModelOf(view: GameView) {
    return mapModel(view, this.scenario, this.ctx.reducedMotion(), this.ownTeam(), this.mapOptions);
  }

  /** A team's own device shows its own commune and gauges, whoever is playing; the other faces follow the turn. */
  private ownTeam(): string | undefined {
    return this.face.kind === 'team' ? this.face.team : undefined;
  }

  /** Load time is measured from outside: the map has drawn and the first turn accepts input. */
  private markReady(): void {
    // The table is ready when its first turn accepts input; the other faces once the round shows.
    const shown = this.face.kind === 'table' ? this.panel.querySelector('button') : this.panel.querySelector('#phase-title');
    if (this.readyMarked || !this.mapSlot.drawn || !shown) return;
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
    const _game = view.game;
    this.heading.textContent = localize(this.scenario.title);
    this.faceLine.textContent = faceLabel(this.face, view.game);
    this.mapSlot.box.setAttribute('aria-label', t('game:map.label', { territory: localize(this.scenario.territory.name) }));
    this.renderToolbar(view);
    this.banner.textContent = turnBanner(view);
    this.banner.classList.toggle('paused', view.paused);
    if (this.face.kind === 'screen') this.bigTimer.update(view);
    else this.timerSlot.replaceChildren(...[timerDisplay(view)].filter((x): x is HTMLElement => x !== null));

    const key = panelKey(view);
    if (force || key !== this.panelKey) {
      this.panelKey = key;
      this.renderPanel(view);
    }
    const fKey = facilitatorKey(view, this.showFacilitator);
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
    const mapText = mapTextView(view, this.scenario, this.mapOptions, this.ownTeam());
    const mapKey = mapText.map((node) => node.outerHTML).join('');
    if (mapKey !== this.mapTextKey) {
      this.mapTextKey = mapKey;
      this.mapText.replaceChildren(...mapText);
    }
    this.panelNews.observe([this.panel, this.facilitatorSlot], !force);
    this.mapSlot.update(this.mapModelOf(view));
    this.feedback.observe(view);
    this.reveal?.update(view);
    this.last = view;
    this.markReady();
  }

  private renderPanel(view: GameView): void {
    const hadFocus = this.panel.contains(document.activeElement) || document.activeElement === document.body;
    const focusedId = this.panel.contains(document.activeElement) ? document.activeElement?.id : undefined;
    const phaseChanged = view.phase !== this.last?.phase || view.status !== this.last?.status;
    // Nor does a new phase take the focus from a note the facilitator is typing.
    const typing = document.activeElement instanceof HTMLTextAreaElement && !this.panel.contains(document.activeElement);
    const takeFocus = !!this.last && (hadFocus || phaseChanged) && !typing;
    if (view.status === 'debrief' || view.status === 'finished') {
      this.panel.replaceChildren();
      this.panel.hidden = true;
      showDebrief(this.debriefSlot, this.face, view.game, this.scenario, () => this.disposed, takeFocus);
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
        : readsSharedSteps(this.face) && sharedStep(view)
          ? withoutControls(phasePanel(panelCtx), keptControls(this.face, view.game))
          : roundAsItStands(this.face, view, this.scenario)),
      rulesPanel(view.game, this.scenario),
    );
    this.panel.toggleAttribute('inert', view.paused);
    // A redraw within the phase (another window's move) leaves the focus on the control that had it.
    const kept = !phaseChanged && focusedId ? this.panel.querySelector<HTMLElement>(`#${CSS.escape(focusedId)}`) : null;
    if (takeFocus) (kept ?? title).focus({ preventScroll: true });
  }

  private renderToolbar(view: GameView): void {
    const hadFocus = this.toolbar.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.tool
      : undefined;
    this.toolbar.replaceChildren(
      ...tableToolbar(this.face, this.controller, view.game, this.showFacilitator, {
        toggleFacilitator: () => this.toggleFacilitator(),
        help: () => helpDialog(this.shortcutContext()),
        exportGame: () => this.exportGame(),
      }),
    );
    if (hadFocus) (this.toolbar.querySelector(`[data-tool="${hadFocus}"]`) as HTMLElement | null)?.focus();
  }

  private toggleFacilitator(): void {
    this.showFacilitator = !this.showFacilitator;
    this.controller.send({ type: 'SET_FACILITATOR', enabled: this.showFacilitator });
    this.render(this.controller.view());
  }

  private exportGame(): void {
    const save = this.controller.save();
    if (!save) return;
    downloadText(`partie-${save.file.scenario}-${save.id}.json`, exportSave(save));
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
