/**
 * SCORM 1.2 run-time adapter: finds the LMS's `API` object and wraps it so
 * that the course never throws because of the LMS. Every call is followed by
 * LMSGetLastError (except a successful LMSFinish); a non-zero code is
 * recorded with its readable message and diagnostic. LMSFinish is called
 * once and nothing is called after it.
 */

/** The API object an LMS puts on a window above the SCO (SCORM 1.2 RTE 3.3). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string | boolean;
  LMSFinish(arg: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(arg: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

export type ScormCall = 'LMSInitialize' | 'LMSFinish' | 'LMSGetValue' | 'LMSSetValue' | 'LMSCommit';

export interface ScormError {
  call: ScormCall;
  /** The data model element, for LMSGetValue and LMSSetValue. */
  element?: string;
  /** SCORM error code ('101', '405'...), or 'exception' when the LMS threw, or 'refused' for a false result without a code. */
  code: string;
  message: string;
}

/** Levels of parent windows searched, as in ADL's discovery algorithm (which uses 7; the brief asks for 10). */
export const MAX_API_SEARCH_DEPTH = 10;

/** The window-like shape the search walks; cross-origin windows throw on access, so every read is guarded. */
export interface SearchableWindow {
  API?: unknown;
  parent?: SearchableWindow | null;
  opener?: SearchableWindow | null;
}

function isScorm12Api(candidate: unknown): candidate is Scorm12Api {
  if (candidate === null || (typeof candidate !== 'object' && typeof candidate !== 'function')) return false;
  const api = candidate as Record<string, unknown>;
  return ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'].every(
    (name) => typeof api[name] === 'function',
  );
}

function readApi(win: SearchableWindow): Scorm12Api | null {
  try {
    return isScorm12Api(win.API) ? win.API : null;
  } catch {
    return null; // a window of another origin
  }
}

function parentOf(win: SearchableWindow): SearchableWindow | null {
  try {
    const parent = win.parent;
    return parent && parent !== win ? parent : null;
  } catch {
    return null;
  }
}

/** Walks up from `win` through its parents, at most MAX_API_SEARCH_DEPTH levels. */
function searchUp(start: SearchableWindow): Scorm12Api | null {
  let win: SearchableWindow | null = start;
  for (let level = 0; win && level <= MAX_API_SEARCH_DEPTH; level += 1) {
    const api = readApi(win);
    if (api) return api;
    win = parentOf(win);
  }
  return null;
}

/** The standard discovery: this window and its parents, then the opener and its parents. */
export function findScormApi(win: SearchableWindow): Scorm12Api | null {
  const found = searchUp(win);
  if (found) return found;
  try {
    const opener = win.opener;
    return opener ? searchUp(opener) : null;
  } catch {
    return null;
  }
}

export interface ScormSession {
  getValue(element: string): string;
  /** False when the LMS refused the value (the error is recorded). */
  setValue(element: string, value: string): boolean;
  commit(): boolean;
  /** Ends the session; later calls do nothing. */
  finish(): boolean;
  readonly finished: boolean;
  errors(): readonly ScormError[];
}

function succeeded(result: unknown): boolean {
  return result === true || result === 'true';
}

/**
 * Initializes the LMS session. Returns null when the LMS refuses to start it:
 * the course then runs on its own, and `onError` has said why.
 */
export function openScormSession(api: Scorm12Api, onError: (error: ScormError) => void = () => {}): ScormSession | null {
  const errors: ScormError[] = [];
  let state: 'running' | 'finished' = 'running';

  const record = (error: ScormError) => {
    errors.push(error);
    onError(error);
  };

  const lastError = (): string => {
    try {
      return String(api.LMSGetLastError() ?? '0');
    } catch {
      return '0'; // an LMS without a working error call: nothing more to learn
    }
  };

  const explain = (code: string): string => {
    const parts: string[] = [];
    try {
      parts.push(String(api.LMSGetErrorString(code) ?? ''));
      parts.push(String(api.LMSGetDiagnostic(code) ?? ''));
    } catch {
      // Optional calls: the code alone is kept.
    }
    return [...new Set(parts.filter((p) => p.trim() !== ''))].join(' — ') || `SCORM error ${code}`;
  };

  /** Calls the LMS, then checks the last error; never throws. */
  function call<T>(name: ScormCall, element: string | undefined, run: () => T, failed: (result: T) => boolean): T | null {
    let result: T;
    try {
      result = run();
    } catch (error) {
      record({ call: name, element, code: 'exception', message: error instanceof Error ? error.message : String(error) });
      return null;
    }
    // Nothing is called after a successful LMSFinish, not even LMSGetLastError: the session is over.
    if (name === 'LMSFinish' && !failed(result)) return result;
    const code = lastError();
    if (code !== '0' && code !== '') record({ call: name, element, code, message: explain(code) });
    else if (failed(result)) record({ call: name, element, code: 'refused', message: `${name} returned false` });
    return result;
  }

  const started = call(
    'LMSInitialize',
    undefined,
    () => api.LMSInitialize(''),
    (r) => !succeeded(r),
  );
  if (!succeeded(started)) return null;

  return {
    get finished() {
      return state === 'finished';
    },
    errors: () => errors,
    getValue(element) {
      if (state === 'finished') return '';
      const value = call(
        'LMSGetValue',
        element,
        () => api.LMSGetValue(element),
        () => false,
      );
      return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
    },
    setValue(element, value) {
      if (state === 'finished') return false;
      return succeeded(
        call(
          'LMSSetValue',
          element,
          () => api.LMSSetValue(element, value),
          (r) => !succeeded(r),
        ),
      );
    },
    commit() {
      if (state === 'finished') return false;
      return succeeded(
        call(
          'LMSCommit',
          undefined,
          () => api.LMSCommit(''),
          (r) => !succeeded(r),
        ),
      );
    },
    finish() {
      if (state === 'finished') return false;
      state = 'finished';
      return succeeded(
        call(
          'LMSFinish',
          undefined,
          () => api.LMSFinish(''),
          (r) => !succeeded(r),
        ),
      );
    },
  };
}
