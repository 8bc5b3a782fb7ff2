/**
 * Route table: each part is loaded on demand, so a route loads only the code
 * it needs (the game's Phaser code stays out of every other route).
 */
import { loadMapCode } from '../game/map-code.ts';
import type { ViewFactory } from './app-context.ts';

export const NAV_PARTS = ['game', 'course', 'test', 'guide', 'facilitator'] as const;

export async function loadView(part: string | undefined, sub?: string): Promise<ViewFactory> {
  // A game route needs the map: fetch its Phaser chunk now, alongside the view, not after it.
  if (part === 'game' && (sub === 'session' || sub === 'play')) void loadMapCode();
  switch (part) {
    case undefined:
      return (await import('./views/home.ts')).homeView;
    case 'game':
      return (await import('./game/game-view.ts')).gameView;
    case 'facilitator':
      return (await import('../facilitator/facilitator-view.ts')).facilitatorView;
    case 'guide':
      return (await import('../guide/guide-view.ts')).guideView;
    case 'course':
      return (await import('../course/course-view.ts')).courseView;
    case 'test':
      return (await import('../assessment/test-view.ts')).testView;
    default:
      return (await import('./views/notice.ts')).notFoundView;
  }
}
