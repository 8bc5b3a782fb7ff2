/** How the debrief writes numbers, names and effects (the words come from the locales). */

import { shieldShare } from '../../engine/lookup.ts';
import type { GameState, HazardRecord, IndicatorId, Indicators, Project, Scenario } from '../../engine/types.ts';
import { currentLanguage, localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { TeamFacts } from './facts.ts';

export function indicatorName(id: IndicatorId): string {
  return t(`debrief:indicators.${id}`);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(n);
}

export function formatPercent(share: number): string {
  return new Intl.NumberFormat(currentLanguage(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatDelta(n: number): string {
  return new Intl.NumberFormat(currentLanguage(), { signDisplay: 'exceptZero' }).format(n);
}

export function formatMoney(n: number): string {
  return t('debrief:money', { amount: formatNumber(n) });
}

export function listText(items: string[]): string {
  return new Intl.ListFormat(currentLanguage(), { style: 'long', type: 'conjunction' }).format(items);
}

export function effectsText(effects: Partial<Indicators>, scenario: Scenario): string {
  const parts = scenario.indicatorIds
    .filter((id) => effects[id])
    .map((id) => t('debrief:effect', { indicator: indicatorName(id), delta: formatDelta(effects[id] as number) }));
  return parts.length > 0 ? parts.join(', ') : t('debrief:noEffect');
}

export function teamName(game: GameState, id: string): string {
  return game.teams.find((x) => x.id === id)?.name ?? id;
}

export function cardTitle(scenario: Scenario, card: string): string {
  const c = scenario.cards[card];
  return c ? localize(c.title) : card;
}

export function actorName(scenario: Scenario, card: string): string {
  const actor = scenario.actors[scenario.cards[card]?.actor ?? ''];
  return actor ? localize(actor.name) : (scenario.cards[card]?.actor ?? '');
}

export function leverNames(scenario: Scenario, project: Project): string {
  const names = project.levers.map((id) => {
    const lever = scenario.levers.find((l) => l.id === id);
    return lever ? localize(lever.name) : id;
  });
  return names.length > 0 ? listText(names) : t('debrief:decisions.noLever');
}

export function hazardName(scenario: Scenario, id: string): string {
  const hazard = scenario.hazards[id];
  return hazard ? localize(hazard.name) : id;
}

/** "pooled with …", mid-sentence or (capitalised) as a line of its own. */
export function pooledText(game: GameState, project: Project, team: string, line = false): string {
  const partners = project.owners.filter((o) => o !== team).map((o) => teamName(game, o));
  const key = partners.length > 0 ? 'pooledWith' : 'pooledNeighbour';
  return t(`debrief:decisions.${key}${line ? 'Line' : ''}`, { partners: listText(partners) });
}

/** A game stopped early is not judged against the full-game target. */
function statusKind(facts: TeamFacts): 'early' | 'collapsed' | 'succeeded' | 'failed' {
  if (facts.endedEarly) return 'early';
  if (facts.team.collapsed) return 'collapsed';
  return facts.score.succeeded ? 'succeeded' : 'failed';
}

export function statusText(facts: TeamFacts): string {
  return t(`debrief:result.${statusKind(facts)}`);
}

export function statusBadge(facts: TeamFacts): HTMLElement {
  const kind = statusKind(facts);
  const icon = kind === 'succeeded' ? '✓' : kind === 'collapsed' ? '⚠' : kind === 'early' ? '…' : '✗';
  return h(
    'span',
    { class: `debrief-status debrief-status-${kind}` },
    h('span', { 'aria-hidden': 'true' }, `${icon} `),
    statusText(facts),
  );
}

/** Hazards shielded by a team's built projects at the time of the shock (built in or before its round). */
export function shields(
  game: GameState,
  scenario: Scenario,
  team: string,
  record: HazardRecord,
): { project: Project; share: number }[] {
  return game.projects
    .filter((p) => p.built && p.readyRound <= record.round && p.owners.includes(team))
    .map((project) => ({ project, share: shieldShare(scenario, project.card, record.hazard) }))
    .filter((s) => s.share > 0);
}

export function roundLabel(index: number): string {
  return index === 0 ? t('debrief:trajectory.start') : t('debrief:trajectory.round', { n: index });
}

export function roundShortLabel(index: number): string {
  return index === 0 ? t('debrief:trajectory.startShort') : t('debrief:trajectory.roundShort', { n: index });
}

/** A table that scrolls sideways on narrow screens, reachable from the keyboard. */
export function scrollable(table: HTMLTableElement): HTMLElement {
  return h('div', { class: 'debrief-table-scroll', tabindex: 0 }, table);
}
