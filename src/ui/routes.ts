/**
 * Route table: each part is loaded on demand, so a route loads only the code
 * it needs (the game's Phaser code stays out of every other route).
 */
import { loadMapCode } from '../game/map/map-code.ts';
import { loadNamespace } from '../i18n/index.ts';
import type { ViewFactory } from './app-context.ts';

export const NAV_PARTS = ['game', 'course', 'test', 'guide', 'facilitator'] as const;
/** Linked from every page's footer (French route names: the statement's address is set by RGAA practice). */
export const LEGAL_PARTS = ['accessibilite', 'donnees-personnelles'] as const;

export async function loadView(part: string | undefined, sub?: string): Promise<ViewFactory> {
  // A game route needs the map: fetch its Phaser chunk now, alongside the view, not after it.
  if (part === 'game' && (sub === 'session' || sub === 'play')) void loadMapCode();
  switch (part) {
    case undefined:
      return (await import('./views/home.ts')).homeView;
    case 'game':
      return (await import('../game/game-view.ts')).gameView;
    case 'facilitator':
      return (await import('../facilitator/facilitator-view.ts')).facilitatorView;
    case 'join':
      return (await Promise.all([import('../game/network/join-view.ts'), loadNamespace('workshop')]))[0].joinView;
    // Each part's words come with its code.
    case 'guide':
      return (await Promise.all([import('../guide/guide-view.ts'), loadNamespace('guide')]))[0].guideView;
    case 'course':
      return (await Promise.all([import('../course/course-view.ts'), loadNamespace('course')]))[0].courseView;
    case 'test':
      return (await Promise.all([import('../assessment/test-view.ts'), loadNamespace('test')]))[0].testView;
    case 'accessibilite':
      return (await import('./legal/accessibility-view.ts')).accessibilityView;
    case 'donnees-personnelles':
      return (await import('./legal/privacy-view.ts')).privacyView;
    default:
      return (await import('./views/notice.ts')).notFoundView;
  }
}
