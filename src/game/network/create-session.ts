/**
 * The set-up's networked workshop: the same options a local game starts
 * with (setup/new-game.ts), sent to the workshop server, which answers with
 * the join code and the facilitator's token, kept on this device.
 */
import type { AppContext } from '../../ui/app-context.ts';
import type { CreatedSession, CreateSession } from '../session/workshop-protocol.ts';
import { gameOptions, type NewGame } from '../setup/new-game.ts';
import { keepToken } from './tokens.ts';

/** The new session's code, or the i18next key of why there is none. */
export async function createSession(ctx: AppContext, game: NewGame): Promise<{ code: string } | { error: string }> {
  const body: CreateSession = { scenario: game.scenario.id, options: gameOptions(game) };
  let response: Response;
  try {
    response = await fetch('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { error: 'workshop:client.noServer' };
  }
  if (response.status === 404 || response.status === 405) return { error: 'workshop:client.noServer' };
  if (response.status === 429) return { error: 'workshop:errors.rate-limited' };
  if (response.status === 413) return { error: 'workshop:errors.too-large' };
  const answer = (await response.json().catch(() => null)) as (Partial<CreatedSession> & { error?: string }) | null;
  if (response.status !== 201 || !answer?.code || !answer.facilitatorToken) {
    const known = answer?.error === 'bad-session' || answer?.error === 'unknown-scenario';
    return { error: known ? `workshop:errors.${answer.error}` : 'workshop:client.noServer' };
  }
  ctx.reportStore(keepToken(ctx.store, answer.code, 'facilitator', answer.facilitatorToken));
  return { code: answer.code };
}
