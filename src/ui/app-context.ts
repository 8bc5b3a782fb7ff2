import type { Settings } from '../storage/settings.ts';
import type { KeyValueStore, StoreResult } from '../storage/store.ts';
import type { Notice } from './messages.ts';
import type { Route } from './router.ts';

/** What every view receives from the composition root. */
export interface AppContext {
  store: KeyValueStore;
  settings(): Settings;
  updateSettings(change: Partial<Settings>): void;
  /**
   * Shows an error or warning message that the user can dismiss: translated, or a function that translates it
   * (written again if the language changes); a message on a `topic` replaces the last one on that topic.
   */
  notify(message: Notice, kind?: 'error' | 'info', topic?: string): void;
  /** Says something to screen readers through the polite live region. */
  announce(message: string): void;
  /** Reports a failed write with the right translated message. */
  reportStore(result: StoreResult): void;
  reducedMotion(): boolean;
}

export interface View {
  /** Document title of the view, translated. */
  title(): string;
  render(container: HTMLElement, route: Route): void | Promise<void>;
  /** The language changed: redraw text without losing state. */
  relocalize?(): void;
  dispose?(): void;
}

export type ViewFactory = (ctx: AppContext) => View;
