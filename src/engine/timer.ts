/**
 * The facilitator's round timer as plain data. It never forces a choice unless
 * the facilitator asked for it (forceOnExpiry).
 */
export interface TurnTimer {
  enabled: boolean;
  limitSeconds: number;
  remainingSeconds: number;
  forceOnExpiry: boolean;
}

export const DEFAULT_TIMER: TurnTimer = { enabled: false, limitSeconds: 180, remainingSeconds: 180, forceOnExpiry: false };

export function tickTimer(timer: TurnTimer, seconds: number): TurnTimer {
  if (!timer.enabled) return timer;
  return { ...timer, remainingSeconds: Math.max(0, timer.remainingSeconds - Math.max(0, seconds)) };
}

export function extendTimer(timer: TurnTimer, seconds: number): TurnTimer {
  return { ...timer, remainingSeconds: timer.remainingSeconds + Math.max(0, seconds) };
}

export function resetTimer(timer: TurnTimer): TurnTimer {
  return { ...timer, remainingSeconds: timer.limitSeconds };
}

export function timerExpired(timer: TurnTimer): boolean {
  return timer.enabled && timer.remainingSeconds <= 0;
}

export function timerForcesChoice(timer: TurnTimer): boolean {
  return timerExpired(timer) && timer.forceOnExpiry;
}
