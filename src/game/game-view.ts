/**
 * #/game routes: set-up (#/game), a deep link that starts a game
 * (#/game/play?scenario=<id>&seed=<n>&teams=<n>&difficulty=<d>&rounds=<n>&seat=<n>&name=<team 1>&name=...) and a saved session
 * (#/game/session/<id>), which a reload resumes exactly, and its faces: the projector screen
 * (/screen), the facilitator's console (/facilitator) and each team's seat (/team/<n>).
 */
import { loadScenario } from '../content/scenario-loader.ts';
import { MAX_TEAMS } from '../engine/game.ts';
import { gameLengths } from '../engine/rules.ts';
import type { Difficulty } from '../engine/types.ts';
import { localize, t } from '../i18n/index.ts';
import type { ViewFactory } from '../ui/app-context.ts';
import { h } from '../ui/dom.ts';
import type { Route } from '../ui/router.ts';
import { readSave, resumeSave } from './session/game-saves.ts';
import { createGame, gameFileError, randomSeed } from './setup/new-game.ts';
import { distinctNames } from './setup/team-names.ts';
import { faceLabel, faceOf } from './table/faces.ts';
import { PlayView } from './table/play-view.ts';
import './table/game.css';

let setupModule: typeof import('./setup/setup-view.ts') | null = null;

export const gameView: ViewFactory = (ctx) => {
  let play: PlayView | null = null;
  let container: HTMLElement | null = null;
  let route: Route | null = null;
  let title = t('game:title');

  const showError = (message: string) => {
    container?.append(
      h('h1', { id: 'page-title' }, t('game:title')),
      h('p', { class: 'notice', role: 'alert' }, message),
      h('p', {}, h('a', { href: '#/game' }, t('game:setup.title'))),
    );
  };

  const draw = async (target: HTMLElement, next: Route) => {
    const [, sub, id] = next.segments;
    if (sub === 'session' && id) {
      const save = readSave(ctx.store, id);
      if (!save) {
        showError(t(ctx.store.get(`game:${id}`) === null ? 'game:errorsGeneral.missingSave' : 'game:errorsGeneral.corruptSave'));
        return;
      }
      const scenario = await loadScenario(save.file.scenario);
      if (!scenario) {
        showError(t('game:setup.unknownScenario', { id: save.file.scenario }));
        return;
      }
      // Resuming is replaying the log through the scenario machine.
      const resumed = resumeSave(save, scenario);
      if (!resumed.ok) {
        showError(`${t('game:errorsGeneral.unresumable')} ${gameFileError(resumed)}`);
        return;
      }
      // #/game/session/<id>/screen, /facilitator, /team/<n>: the faces of the same game.
      const face = faceOf(next.segments.slice(3), resumed.snapshot.context.game);
      if (!face) {
        showError(t('game:faces.unknown'));
        return;
      }
      title = `${localize(scenario.title)} · ${faceLabel(face, resumed.snapshot.context.game)} · ${t('app.name')}`;
      play = PlayView.local(
        ctx,
        scenario,
        id,
        { options: resumed.file.options, snapshot: resumed.snapshot, ...(save.draft ? { draft: save.draft } : {}) },
        save.facilitator ?? false,
        face,
      );
      play.mount(target);
      return;
    }
    if (sub === 'play') {
      const scenarioId = next.query.get('scenario') ?? '';
      const scenario = await loadScenario(scenarioId);
      if (!scenario) {
        showError(t('game:setup.unknownScenario', { id: scenarioId }));
        return;
      }
      const seedText = next.query.get('seed');
      const seed = seedText !== null && /^\d+$/.test(seedText) ? Number(seedText) : randomSeed();
      const count = Math.min(MAX_TEAMS, Math.max(1, Number.parseInt(next.query.get('teams') ?? '1', 10) || 1));
      const given = next.query.getAll('name').map((name) => name.trim().slice(0, 40));
      const teams = distinctNames(
        Array.from({ length: count }, (_, i) => given[i] || t('game:setup.defaultTeam', { index: i + 1 })),
      );
      const level = next.query.get('difficulty');
      const difficulty: Difficulty = level === 'easy' || level === 'hard' ? level : 'normal';
      const length = Number(next.query.get('rounds'));
      // seat=<n>: team n holds the Department seat (ignored when there is no such team).
      const seat = Number(next.query.get('seat'));
      const created = await createGame(ctx, {
        scenario,
        teams,
        seed,
        difficulty,
        rounds: gameLengths(scenario.rounds).includes(length) ? length : scenario.rounds,
        ...(Number.isInteger(seat) && seat >= 1 && seat <= count ? { departmentSeat: `team-${seat}` } : {}),
        facilitator: next.query.get('facilitator') === '1',
      });
      if (!created) {
        location.replace('#/game');
        return;
      }
      // Replace the deep link, so a reload resumes this game rather than starting another. The
      // game is shown from the save just made: no second pass through the router to read it back.
      history.replaceState(history.state, '', `#/game/session/${created.id}`);
      title = `${localize(scenario.title)} · ${t('app.name')}`;
      play = PlayView.local(ctx, scenario, created.id, { options: created.file.options }, created.facilitator ?? false);
      play.mount(target);
      return;
    }
    title = `${t('game:setup.title')} · ${t('app.name')}`;
    // The set-up shows every scenario: it loads them, and a game route does not. Once loaded it draws
    // at once, so a change of language redraws it in place (focus and scroll kept).
    if (!setupModule) {
      setupModule = await import('./setup/setup-view.ts');
      if (container !== target || route !== next) return;
    }
    setupModule.renderSetup(target, ctx, next.query);
  };

  return {
    title: () => title,
    async render(target, next) {
      container = target;
      route = next;
      await draw(target, next);
    },
    relocalize() {
      if (play) {
        play.relocalize();
        return;
      }
      if (container && route) {
        container.replaceChildren();
        void draw(container, route);
      }
    },
    dispose() {
      play?.dispose();
      play = null;
    },
  };
};
