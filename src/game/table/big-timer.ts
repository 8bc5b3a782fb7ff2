/**
 * The projector's large timer: the time left in big figures, with the round,
 * the phase and whose turn it is, and the pause said in words, not only in
 * colour. It is updated in place: the ticking figures are no live region (a
 * screen reader would read them every second); only a change of state (paused,
 * running again, time up) is announced, once.
 */
import { roundInPlay, teamsToAct } from '../../engine/index.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { GameView } from '../session/controller.ts';
import { formatSeconds } from './format.ts';
import './big-timer.css';

export type TimerState = 'running' | 'paused' | 'expired' | 'waiting';

/** What the clock is doing: it only runs while a team is on its turn (plan and fund). */
export function timerState(view: GameView): TimerState {
  if (view.paused) return 'paused';
  if (view.timer.remainingSeconds <= 0) return 'expired';
  return view.phase === 'plan' || view.phase === 'fund' ? 'running' : 'waiting';
}

/** "2 min 05 s" for a screen reader, where the figures say 2:05. */
function spokenTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return t('game:bigTimer.spoken', { minutes: Math.floor(s / 60), seconds: s % 60 });
}

export class BigTimer {
  private readonly context = h('p', { class: 'big-timer-context' });
  private readonly turn = h('p', { class: 'big-timer-turn' });
  private readonly figures = h('span', { class: 'big-timer-figures', 'aria-hidden': 'true' });
  private readonly spoken = h('span', { class: 'visually-hidden' });
  private readonly clock = h('p', { class: 'big-timer-clock', role: 'timer', 'aria-live': 'off' }, this.figures, this.spoken);
  private readonly badge = h('p', { class: 'big-timer-state' });
  /** Polite, and written only when the state changes. */
  private readonly status = h('p', { class: 'visually-hidden', role: 'status' });
  private readonly root = h(
    'section',
    { class: 'big-timer', 'aria-labelledby': 'big-timer-title' },
    h('h2', { id: 'big-timer-title', class: 'visually-hidden' }, ''),
    this.clock,
    h('div', { class: 'big-timer-side' }, this.context, this.turn, this.badge),
    this.status,
  );
  private state: TimerState | null = null;
  private lang = '';

  constructor(private readonly slot: HTMLElement) {}

  update(view: GameView): void {
    const game = view.game;
    if (!view.timer.enabled || view.status !== 'playing' || !game) {
      this.root.remove();
      this.state = null;
      return;
    }
    if (!this.root.isConnected) this.slot.replaceChildren(this.root);
    const state = timerState(view);
    const title = this.root.querySelector('h2');
    if (title) title.textContent = t('game:bigTimer.title');
    const phase = view.phase ? t(`game:phase.${view.phase}`) : '';
    this.context.textContent = t('game:turn.banner', { round: roundInPlay(game), rounds: game.rounds, phase });
    const current = teamsToAct(game)[0];
    this.turn.textContent =
      (view.phase === 'plan' || view.phase === 'fund') && current
        ? t('game:turn.team', { team: current.name })
        : t('game:turn.allTeams');
    this.figures.textContent = formatSeconds(view.timer.remainingSeconds);
    this.spoken.textContent = `${t('game:bigTimer.left')} ${spokenTime(view.timer.remainingSeconds)}`;
    this.badge.textContent = t(`game:bigTimer.${state}`);
    this.root.dataset.state = state;
    // Said once when it changes (and again in a new language), never on each tick.
    const lang = document.documentElement.lang;
    if (state !== this.state || lang !== this.lang) {
      if (this.state !== null && state !== this.state) this.status.textContent = t(`game:bigTimer.${state}`);
      this.state = state;
      this.lang = lang;
    }
  }
}
