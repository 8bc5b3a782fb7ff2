/**
 * The hazard reveal: when a hazard strikes, a full-width announcement names it
 * with its pictogram, the zones and communes it strikes, those it reaches by
 * spill-over and those it spares, and what shielded or spared each (all from
 * the engine's hazardStrike). The map flashes the struck zones underneath.
 *
 * A non-modal dialog over the top of the page: focus goes to its button, Enter
 * (on it) or Escape (anywhere) closes it and focus goes back to the phase's
 * title. Not modal, and no <dialog> element, so the game's shortcut keys still
 * work while it shows (N moves the round on, and the reveal closes with the
 * shock). It carries no live region: a screen reader reads its name and
 * description once, as focus enters it (the narration tells the impacts). It
 * closes by itself when the round leaves the shock, so a projector nobody
 * touches moves on with the game.
 */
import { type CommuneStrike, type HazardStrike, hazardStrike } from '../../engine/index.ts';
import type { GameState, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { icon } from '../../ui/icons/icon.ts';
import type { GameView } from '../session/controller.ts';
import { communeName } from './format.ts';
import './hazard-reveal.css';

export interface RevealOptions {
  /** Sound is on: the hazard's sound plays, and its caption shows in the reveal too. */
  soundOn(): boolean;
  reducedMotion(): boolean;
}

const percent = (share: number) => Math.round(Math.abs(share) * 100);

function list(items: readonly string[]): string {
  return items.join(', ');
}

/** One commune's line: who runs it, how the hazard reached it and what shielded, stopped or spared it. */
function communeLine(game: GameState, scenario: Scenario, strike: HazardStrike, c: CommuneStrike): HTMLElement {
  const team = c.team ? game.teams.find((x) => x.id === c.team)?.name : null;
  const who = team
    ? t('game:reveal.commune', { commune: communeName(scenario, c.commune), team })
    : t('game:reveal.neutral', { commune: communeName(scenario, c.commune) });
  const card = (id: string) => localize(scenario.cards[id]?.title ?? { fr: id, en: id });
  const zone = (id: string) => localize(scenario.territory.zones.find((z) => z.id === id)?.name ?? { fr: id, en: id });
  const parts: string[] = [];
  // A hazard striking the whole territory strikes every zone: naming them would say nothing.
  const everywhere = strike.zones.length === scenario.territory.zones.length;
  if (c.reach === 'struck' && !everywhere) parts.push(t('game:reveal.zones', { zones: list(c.zones.map(zone)) }));
  if (c.reach === 'spill') {
    parts.push(t('game:reveal.spill', { share: percent(c.exposure), from: list(c.from.map((n) => communeName(scenario, n))) }));
    if (c.stoppedBy.length > 0) parts.push(t('game:reveal.stopped', { projects: list(c.stoppedBy.map(card)) }));
  }
  if (c.reach === 'spared') {
    const spill = scenario.hazards[strike.hazard]?.spill ?? 0;
    parts.push(t(spill > 0 ? 'game:reveal.sparedFar' : 'game:reveal.spared'));
  } else if (c.team) {
    if (c.mitigation < 0) parts.push(t('game:reveal.worse', { share: percent(c.mitigation) }));
    else if (c.shields.length > 0) {
      parts.push(t('game:reveal.shielded', { share: percent(c.mitigation), projects: list(c.shields.map(card)) }));
    } else parts.push(t('game:reveal.cooperation', { share: percent(c.mitigation) }));
  }
  const said = parts.length > 0 ? ` ${parts.join(t('game:reveal.separator'))}.` : '';
  return h('li', { 'data-commune': c.commune, 'data-reach': c.reach }, h('strong', {}, who), said);
}

function group(kind: 'struck' | 'spill' | 'spared', items: HTMLElement[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    'section',
    { class: `hazard-reveal-group reveal-${kind}`, 'aria-labelledby': `hazard-reveal-${kind}` },
    h('h3', { id: `hazard-reveal-${kind}` }, t(`game:reveal.${kind}Title`, { count: items.length })),
    h('ul', {}, ...items),
  );
}

/** The reveal's content for one hazard: what the dialog shows. */
export function revealContent(game: GameState, scenario: Scenario, strike: HazardStrike, sound: boolean): HTMLElement[] {
  const hazard = scenario.hazards[strike.hazard];
  const zone = (id: string) => localize(scenario.territory.zones.find((z) => z.id === id)?.name ?? { fr: id, en: id });
  // Communes nobody plays are named only where the hazard strikes them.
  const shown = strike.communes.filter((c) => c.team !== null || c.reach === 'struck');
  const lines = (reach: CommuneStrike['reach']) =>
    shown.filter((c) => c.reach === reach).map((c) => communeLine(game, scenario, strike, c));
  return [
    h('p', { class: 'hazard-reveal-kicker' }, t('game:reveal.kicker', { round: strike.round })),
    h(
      'h2',
      { id: 'hazard-reveal-title', class: 'hazard-reveal-title' },
      icon('hazard', strike.hazard, { size: 64 }),
      h('span', {}, hazard ? localize(hazard.name) : strike.hazard),
      strike.injected ? h('span', { class: 'hazard-reveal-injected' }, t('game:shock.injected')) : null,
    ),
    h(
      'p',
      { id: 'hazard-reveal-desc', class: 'hazard-reveal-zones' },
      strike.zones.length === scenario.territory.zones.length
        ? t('game:reveal.everywhere')
        : t('game:reveal.struckZones', { count: strike.zones.length, zones: list(strike.zones.map(zone)) }),
    ),
    h(
      'div',
      { class: 'hazard-reveal-groups' },
      group('struck', lines('struck')),
      group('spill', lines('spill')),
      group('spared', lines('spared')),
    ),
    sound ? h('p', { class: 'hazard-reveal-caption' }, `♪ ${t('game:sound.hazard')}`) : null,
  ].filter((x) => x !== null);
}

export class HazardReveal {
  private panel: HTMLElement | null = null;
  /** Hazards already in the game when this window saw it last: only a new one is revealed. */
  private seen: number | null = null;
  private lang = '';
  private readonly onKey = (event: KeyboardEvent) => {
    // A dialog opened over the reveal (help, a confirmation) takes its own Escape first.
    if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      this.close();
    }
  };

  constructor(
    private readonly host: HTMLElement,
    private readonly scenario: Scenario,
    private readonly options: RevealOptions,
  ) {}

  update(view: GameView): void {
    const game = view.game;
    if (!game) return;
    const count = game.hazards.length;
    const fresh = this.seen !== null && count > this.seen;
    this.seen = count;
    if (fresh && view.phase === 'shock') this.open(game);
    else if (this.panel && (view.phase !== 'shock' || view.status !== 'playing')) this.close();
    else if (this.panel && document.documentElement.lang !== this.lang) this.fill(game);
  }

  private open(game: GameState): void {
    this.close();
    const panel = h('section', {
      class: `hazard-reveal${this.options.reducedMotion() ? ' still' : ''}`,
      role: 'dialog',
      'aria-labelledby': 'hazard-reveal-title',
      'aria-describedby': 'hazard-reveal-desc',
    });
    this.panel = panel;
    if (!this.fill(game)) {
      this.panel = null;
      return;
    }
    this.host.prepend(panel);
    document.addEventListener('keydown', this.onKey);
    panel.querySelector<HTMLElement>('[data-action="close-reveal"]')?.focus({ preventScroll: true });
  }

  /** Writes the reveal in the page's language (again after a change of language); false without a hazard. */
  private fill(game: GameState): boolean {
    const panel = this.panel;
    const strike = hazardStrike(game, this.scenario);
    if (!panel || !strike) return false;
    const hadFocus = panel.contains(document.activeElement);
    this.lang = document.documentElement.lang;
    panel.dataset.hazard = strike.hazard;
    const button = h(
      'button',
      { type: 'button', class: 'button', 'data-action': 'close-reveal', onclick: () => this.close() },
      t('game:reveal.close'),
    );
    panel.replaceChildren(
      ...revealContent(game, this.scenario, strike, this.options.soundOn()),
      h('p', { class: 'hazard-reveal-actions' }, button, h('span', { class: 'hazard-reveal-hint' }, t('game:reveal.hint'))),
    );
    if (hadFocus) button.focus({ preventScroll: true });
    return true;
  }

  close(): void {
    const panel = this.panel;
    if (!panel) return;
    this.panel = null;
    document.removeEventListener('keydown', this.onKey);
    const hadFocus = panel.contains(document.activeElement);
    panel.remove();
    if (hadFocus || document.activeElement === document.body) {
      document.getElementById('phase-title')?.focus({ preventScroll: true });
    }
  }

  dispose(): void {
    this.close();
  }
}
