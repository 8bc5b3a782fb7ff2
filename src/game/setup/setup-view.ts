/** Game set-up: scenario, teams, difficulty, seed; then the saved games (saved-games.ts). */
import { bundledScenarios, orderedScenarios } from '../../content/scenarios.ts';
import { MAX_TEAMS } from '../../engine/game.ts';
import { estimatedMinutes, gameLengths } from '../../engine/rules.ts';
import type { Difficulty, Scenario } from '../../engine/types.ts';
import { loadNamespace, localize, t } from '../../i18n/index.ts';
import type { AppContext } from '../../ui/app-context.ts';
import { h } from '../../ui/dom.ts';
import { createGame, type NewGame, randomSeed } from './new-game.ts';
import { savedGames } from './saved-games.ts';
import { repeatedName } from './team-names.ts';

function hazardSummary(scenario: Scenario): string {
  return [...scenario.deckHazards]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 4)
    .map((entry) => localize(scenario.hazards[entry.hazard]?.name ?? { fr: entry.hazard, en: entry.hazard }))
    .join(', ');
}

export function renderSetup(container: HTMLElement, ctx: AppContext, query: URLSearchParams): void {
  const scenarios = orderedScenarios();
  const chosen = query.get('scenario');
  const form = h('form', { class: 'setup-form', novalidate: true });
  const scenarioField = h('fieldset', { class: 'scenario-choice' }, h('legend', {}, t('game:setup.scenario')));
  scenarios.forEach((s, i) => {
    const id = `scenario-${s.id}`;
    const radio = h('input', { type: 'radio', name: 'scenario', id, value: s.id, checked: chosen ? chosen === s.id : i === 0 });
    scenarioField.append(
      h(
        'div',
        { class: 'scenario-option' },
        radio,
        h(
          'label',
          { for: id },
          h('strong', {}, localize(s.title)),
          h('span', { class: 'scenario-summary' }, localize(s.summary)),
          h('span', {}, t('game:format.labelled', { label: t('game:setup.hazards'), value: hazardSummary(s) })),
          h(
            'span',
            {},
            `${t('game:setup.roundsOnly', { count: s.rounds })} · ${t('game:setup.target', { target: s.targetResilience })}`,
          ),
        ),
      ),
    );
  });

  const chosenScenario = () =>
    (scenarioField.querySelector('input[name="scenario"]:checked') as HTMLInputElement | null)?.value ?? scenarios[0]?.id ?? '';
  const countSelect = h(
    'select',
    { id: 'team-count', name: 'teams' },
    ...Array.from({ length: MAX_TEAMS }, (_, i) =>
      h(
        'option',
        { value: i + 1, selected: String(i + 1) === (query.get('teams') ?? '1') },
        i === 0 ? t('game:setup.solo') : t('game:setup.teams', { count: i + 1 }),
      ),
    ),
  );
  const names = h('div', { class: 'team-names' });
  const drawNames = () => {
    const count = Number(countSelect.value);
    const previous = [...names.querySelectorAll('input')].map((input) => input.value);
    names.replaceChildren(
      ...Array.from({ length: count }, (_, i) => {
        const id = `team-name-${i + 1}`;
        return h(
          'p',
          { class: 'field' },
          h('label', { for: id }, t('game:setup.teamName', { index: i + 1 })),
          h('input', {
            type: 'text',
            id,
            maxlength: 40,
            value: previous[i] ?? query.getAll('name')[i]?.slice(0, 40) ?? t('game:setup.defaultTeam', { index: i + 1 }),
            required: true,
          }),
        );
      }),
    );
  };
  const seatSelect = h('select', { id: 'department-seat', name: 'seat', 'aria-describedby': 'seat-help' });
  // The seat's choices follow the teams as they are named (a team's seat is its number: names may change).
  const drawSeats = () => {
    const wanted = seatSelect.value || query.get('seat') || '';
    const teams = [...names.querySelectorAll('input')].map((input) => input.value.trim());
    seatSelect.replaceChildren(
      h('option', { value: '', selected: wanted === '' }, t('game:setup.seatFacilitator')),
      ...teams.map((name, i) =>
        h(
          'option',
          { value: String(i + 1), selected: wanted === String(i + 1) },
          t('game:setup.seatTeam', { team: name || t('game:setup.defaultTeam', { index: i + 1 }) }),
        ),
      ),
    );
  };
  countSelect.addEventListener('change', drawNames);
  drawNames();
  countSelect.addEventListener('change', drawSeats);
  names.addEventListener('input', drawSeats);
  drawSeats();

  const lengthSelect = h('select', { id: 'game-length', name: 'rounds' });
  const drawLengths = () => {
    const scenario = bundledScenarios().get(chosenScenario()) ?? scenarios[0];
    const max = scenario?.rounds ?? 7;
    const wanted = Number(lengthSelect.value || query.get('rounds') || max);
    const teams = Number(countSelect.value);
    lengthSelect.replaceChildren(
      ...gameLengths(max).map((n) =>
        h(
          'option',
          { value: n, selected: n === wanted || (n === max && !gameLengths(max).includes(wanted)) },
          t('game:setup.rounds', { count: n, minutes: estimatedMinutes(teams, n) }),
        ),
      ),
    );
  };
  const difficulty = h(
    'fieldset',
    {},
    h('legend', {}, t('game:setup.difficulty')),
    ...(['easy', 'normal', 'hard'] as const).map((d) =>
      h(
        'span',
        { class: 'field-check' },
        h('input', {
          type: 'radio',
          name: 'difficulty',
          id: `difficulty-${d}`,
          value: d,
          checked:
            d === (['easy', 'normal', 'hard'].includes(query.get('difficulty') ?? '') ? query.get('difficulty') : 'normal'),
        }),
        h('label', { for: `difficulty-${d}` }, t(`game:setup.${d}`)),
      ),
    ),
  );
  const seed = h('input', {
    type: 'text',
    id: 'seed',
    inputmode: 'numeric',
    value: query.get('seed') ?? String(randomSeed()),
    'aria-describedby': 'seed-help',
  });
  const facilitator = h('input', { type: 'checkbox', id: 'facilitator-on', checked: query.get('facilitator') === '1' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const share = h('input', { type: 'text', id: 'share-link', readonly: true });
  const updateShare = () => {
    const level = (difficulty.querySelector('input:checked') as HTMLInputElement | null)?.value ?? 'normal';
    const params = new URLSearchParams({
      scenario: chosenScenario(),
      seed: seed.value.trim(),
      teams: countSelect.value,
      difficulty: level,
      rounds: lengthSelect.value,
      ...(seatSelect.value ? { seat: seatSelect.value } : {}),
    });
    for (const input of names.querySelectorAll('input')) params.append('name', input.value.trim());
    share.value = `${location.origin}${location.pathname}#/game/play?${params.toString()}`;
  };
  scenarioField.addEventListener('change', drawLengths);
  countSelect.addEventListener('change', drawLengths);
  form.addEventListener('change', updateShare);
  form.addEventListener('input', updateShare);
  drawLengths();
  // The link holds from the start: every field already has its value.
  updateShare();

  /** The game the form describes, or null (its error shown) when a field is wrong. */
  const readForm = (): NewGame | null => {
    const scenarioId = (form.querySelector('input[name="scenario"]:checked') as HTMLInputElement | null)?.value;
    const scenario = scenarioId ? bundledScenarios().get(scenarioId) : undefined;
    const teams = [...names.querySelectorAll('input')].map((input) => input.value.trim());
    const seedValue = Number(seed.value.trim());
    const inputs = [...names.querySelectorAll('input')];
    for (const input of inputs) input.removeAttribute('aria-invalid');
    const empty = teams.findIndex((name) => name.length === 0);
    const repeated = repeatedName(teams);
    if (empty >= 0 || repeated >= 0) {
      const at = empty >= 0 ? empty : repeated;
      error.textContent = empty >= 0 ? t('game:setup.nameRequired') : t('game:setup.nameRepeated', { name: teams[repeated] });
      inputs[at]?.setAttribute('aria-invalid', 'true');
      inputs[at]?.focus();
      return null;
    }
    if (!/^\d+$/.test(seed.value.trim()) || !Number.isSafeInteger(seedValue) || seedValue > 2_147_483_647) {
      error.textContent = t('game:setup.seedInvalid');
      seed.focus();
      return null;
    }
    if (!scenario) return null;
    const level = ((form.querySelector('input[name="difficulty"]:checked') as HTMLInputElement | null)?.value ??
      'normal') as Difficulty;
    error.textContent = '';
    return {
      scenario,
      teams,
      seed: seedValue,
      difficulty: level,
      rounds: Number(lengthSelect.value),
      ...(seatSelect.value ? { departmentSeat: `team-${seatSelect.value}` } : {}),
      facilitator: facilitator.checked,
    };
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const game = readForm();
    const created = game ? await createGame(ctx, game) : null;
    if (created) location.hash = `#/game/session/${created.id}`;
  });

  // A networked workshop: the workshop server runs the game; each device joins with the code.
  const networked = h(
    'button',
    { type: 'button', class: 'button-quiet', 'aria-describedby': 'network-help' },
    t('game:setup.network'),
  );
  networked.addEventListener('click', async () => {
    const game = readForm();
    if (!game) return;
    networked.disabled = true;
    const [{ createSession }] = await Promise.all([import('../network/create-session.ts'), loadNamespace('workshop')]);
    const created = await createSession(ctx, game);
    networked.disabled = false;
    if ('code' in created) location.hash = `#/join?code=${created.code}&facilitator`;
    else error.textContent = t(created.error);
  });

  form.append(
    scenarioField,
    h('p', { class: 'field' }, h('label', { for: 'team-count' }, t('game:setup.mode')), countSelect),
    names,
    h('p', { class: 'field' }, h('label', { for: 'game-length' }, t('game:setup.length')), lengthSelect),
    difficulty,
    h(
      'p',
      { class: 'field' },
      h('label', { for: 'department-seat' }, t('game:setup.seat')),
      seatSelect,
      h('span', { id: 'seat-help', class: 'hint' }, t('game:setup.seatHelp')),
    ),
    h(
      'p',
      { class: 'field' },
      h('label', { for: 'seed' }, t('game:setup.seed')),
      seed,
      h('span', { id: 'seed-help', class: 'hint' }, t('game:setup.seedHelp')),
    ),
    h('p', { class: 'field-check' }, facilitator, h('label', { for: 'facilitator-on' }, t('game:setup.facilitator'))),
    error,
    h('p', {}, h('button', { type: 'submit', class: 'button' }, t('game:setup.start'))),
    h('p', {}, networked, h('span', { id: 'network-help', class: 'hint' }, t('game:setup.networkHelp'))),
    h('p', { class: 'field' }, h('label', { for: 'share-link' }, t('game:setup.share')), share),
  );

  container.append(
    h('h1', { id: 'page-title' }, t('game:setup.title')),
    h('p', { class: 'lead' }, t('game:setup.intro')),
    form,
    savedGames(ctx),
  );
}
