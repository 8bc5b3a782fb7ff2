/**
 * What a game says and plays as it goes: the narration for screen readers
 * and the sounds with their visible captions, both read from the log's new
 * entries (see narration.ts).
 */
import type { SoundBank } from '../../audio/sound.ts';
import type { Scenario } from '../../engine/types.ts';
import { t } from '../../i18n/index.ts';
import type { AppContext } from '../../ui/app-context.ts';
import type { GameView } from '../session/controller.ts';
import { narrate, replaySteps, soundCue } from './narration.ts';

/** How long a cue's caption stays on screen. */
const CAPTION_MS = 3000;

export class GameFeedback {
  private last: GameView | null = null;
  private sound: SoundBank | null = null;
  private readonly cleanups: (() => void)[] = [];
  private disposed = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly scenario: Scenario,
    private readonly captions: HTMLElement,
  ) {}

  /** Tells and plays what changed since the last view. */
  observe(view: GameView): void {
    const last = this.last;
    this.last = view;
    // A log that did not grow from the last one (another game, a reset) has no new steps to tell.
    const grew =
      last !== null && view.log.length >= last.log.length && view.log[last.log.length - 1] === last.log[last.log.length - 1];
    // A source that was sent the steps (a networked device) gives them; the same view drawn again tells nothing new.
    const steps = view.steps
      ? view === last
        ? []
        : view.steps
      : last && grew
        ? replaySteps(view.log.slice(last.log.length), last.game, this.scenario)
        : [];
    const messages = narrate(last, view, steps, this.scenario);
    if (messages.length > 0) this.ctx.announce(messages.join(' '));
    const settings = this.ctx.settings();
    if (settings.sound && !this.sound) void this.startSound();
    this.sound?.setEnabled(settings.sound);
    this.sound?.setVolume(settings.volume);
    const cue = last && this.sound ? soundCue(last, view, steps) : null;
    if (cue) this.sound?.play(cue);
  }

  dispose(): void {
    this.disposed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.sound?.dispose();
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
        }, CAPTION_MS);
      }),
      () => window.clearTimeout(timeout),
    );
    this.sound.playAmbient(this.scenario.id);
  }
}
