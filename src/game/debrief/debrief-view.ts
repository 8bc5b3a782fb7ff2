/**
 * The debrief: what each team's game did to its territory, and what to learn
 * from it. It only reads what the engine produced (scores, trajectories,
 * projects, hazard records, debrief lessons): no rule is computed here.
 */
import './debrief.css';
import { endedEarly, roundsPlayed } from '../../engine/explain.ts';
import { scoreGame } from '../../engine/scoring.ts';
import type { GameState, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { type TeamFacts, teamFacts } from './facts.ts';
import { formatMoney, indicatorName, scrollable, statusBadge, statusText } from './format.ts';
import { debriefNotes } from './notes-section.ts';
import { sheet } from './sheet.ts';
import { teamSection } from './team-section.ts';

function headline(game: GameState, scenario: Scenario, facts: TeamFacts[]): HTMLElement {
  const played = roundsPlayed(game);
  return h(
    'section',
    { class: 'debrief-headline' },
    h('h2', { id: 'debrief-title', tabindex: -1 }, t('debrief:headline.title')),
    h(
      'p',
      {},
      t('debrief:headline.intro', {
        scenario: localize(scenario.title),
        count: played,
        rounds: game.rounds,
        target: scenario.targetResilience,
      }),
    ),
    endedEarly(game)
      ? h('p', { class: 'debrief-early', role: 'note' }, t('debrief:headline.early', { played, rounds: game.rounds }))
      : null,
    h(
      'ul',
      { class: 'debrief-results' },
      ...facts.map((f) =>
        h(
          'li',
          { class: 'debrief-result' },
          h('strong', { class: 'debrief-result-team' }, f.team.name),
          h(
            'span',
            { class: 'debrief-result-score' },
            t('debrief:headline.overall', { overall: f.score.overall, target: scenario.targetResilience }),
          ),
          statusBadge(f),
          h(
            'span',
            { class: 'debrief-result-weakest' },
            t('debrief:headline.weakest', {
              indicator: indicatorName(f.score.weakest),
              value: f.score.dimensions[f.score.weakest],
            }),
          ),
        ),
      ),
    ),
  );
}

function comparison(scenario: Scenario, facts: TeamFacts[]): HTMLElement {
  const row = (label: string, cells: string[], className?: string) =>
    h('tr', { class: className }, h('th', { scope: 'row' }, label), ...cells.map((c) => h('td', {}, c)));
  const table = h(
    'table',
    { class: 'debrief-table debrief-compare' },
    h('caption', {}, t('debrief:compare.caption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('debrief:compare.measure')),
        ...facts.map((f) => h('th', { scope: 'col' }, f.team.name)),
      ),
    ),
    h(
      'tbody',
      {},
      row(
        t('debrief:compare.overall', { target: scenario.targetResilience }),
        facts.map((f) => String(f.score.overall)),
        'debrief-row-overall',
      ),
      row(t('debrief:compare.result'), facts.map(statusText), 'debrief-row-result'),
      ...scenario.indicatorIds.map((id) =>
        row(
          indicatorName(id),
          facts.map((f) => String(f.team.indicators[id])),
          `debrief-row-indicator`,
        ),
      ),
      row(
        t('debrief:compare.built'),
        facts.map((f) => String(f.decisions.length)),
        'debrief-row-built',
      ),
      row(
        t('debrief:compare.pooled'),
        facts.map((f) => String(f.pooled.length)),
        'debrief-row-pooled',
      ),
      row(
        t('debrief:compare.levers'),
        facts.map((f) => formatMoney(f.leverMoney)),
        'debrief-row-levers',
      ),
    ),
  );
  return h(
    'section',
    { class: 'debrief-comparison' },
    h('h2', {}, t('debrief:compare.title')),
    h('p', {}, t('debrief:compare.intro')),
    scrollable(table),
  );
}

function printControls(): HTMLElement {
  return h(
    'section',
    { class: 'debrief-print-controls' },
    h('h2', {}, t('debrief:print.title')),
    h('p', {}, t('debrief:print.intro')),
    h('button', { type: 'button', class: 'button', onclick: () => window.print() }, t('debrief:print.button')),
  );
}

/**
 * Renders the whole debrief of a finished (or stopped) game into the container.
 * courseModules: the course's modules with translated titles; without them,
 * lesson links name the modules with the debrief texts.
 */
export function renderDebrief(
  container: HTMLElement,
  input: {
    game: GameState;
    scenario: Scenario;
    courseModules?: { id: string; title: string }[];
    /** Show the facilitator's notes (the table and the console; never the projector or a seat). */
    notes?: boolean;
  },
): void {
  const { game, scenario, courseModules } = input;
  const notes = input.notes === true && game.notes.length > 0;
  const facts = teamFacts(game, scenario, scoreGame(game, scenario));
  container.append(
    h(
      'div',
      { class: 'debrief' },
      h(
        'div',
        { class: 'debrief-screen' },
        headline(game, scenario, facts),
        // Comparing needs several teams.
        facts.length > 1 ? comparison(scenario, facts) : null,
        notes ? debriefNotes(game, false) : null,
        ...facts.map((f) => teamSection(game, scenario, f, courseModules)),
        printControls(),
      ),
      h(
        'div',
        { class: 'print-only debrief-sheets' },
        ...facts.map((f) => sheet(game, scenario, f)),
        notes ? debriefNotes(game, true) : null,
      ),
    ),
  );
}
