import { Scorm12API } from 'scorm-again';
import { describe, expect, it, vi } from 'vitest';
import {
  findScormApi,
  MAX_API_SEARCH_DEPTH,
  openScormSession,
  type Scorm12Api,
  type SearchableWindow,
} from '../../src/course/scorm/api.ts';

const quietLms = () => new Scorm12API({ logLevel: 5 });

/** A chain of windows, the top one `levels` above the SCO, with the API on `apiAt` (0 = the SCO itself). */
function windowChain(levels: number, apiAt: number | null, api: unknown = quietLms()): SearchableWindow {
  const top: SearchableWindow = {};
  top.parent = top; // a top window is its own parent
  let win = top;
  const chain = [top];
  for (let i = 0; i < levels; i += 1) {
    win = { parent: win };
    chain.unshift(win);
  }
  if (apiAt !== null) (chain[apiAt] as SearchableWindow).API = api;
  return chain[0] as SearchableWindow;
}

describe('SCORM 1.2 API discovery', () => {
  it('finds the API on the window itself, on a parent and on the top window', () => {
    expect(findScormApi(windowChain(0, 0))).not.toBeNull();
    expect(findScormApi(windowChain(3, 2))).not.toBeNull();
    expect(findScormApi(windowChain(MAX_API_SEARCH_DEPTH, MAX_API_SEARCH_DEPTH))).not.toBeNull();
  });

  it('gives up beyond the maximum depth and without any API', () => {
    expect(findScormApi(windowChain(MAX_API_SEARCH_DEPTH + 1, MAX_API_SEARCH_DEPTH + 1))).toBeNull();
    expect(findScormApi(windowChain(4, null))).toBeNull();
  });

  it('searches the opener and its parents when the frames have none', () => {
    const sco: SearchableWindow = { parent: null, opener: windowChain(2, 2) };
    expect(findScormApi(sco)).not.toBeNull();
  });

  it('skips windows of another origin, which throw on access', () => {
    const foreign = {} as SearchableWindow;
    Object.defineProperty(foreign, 'API', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    Object.defineProperty(foreign, 'parent', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(findScormApi({ parent: foreign })).toBeNull();
  });

  it('ignores an API object that is not a SCORM 1.2 API', () => {
    expect(findScormApi(windowChain(1, 1, { Initialize() {} }))).toBeNull();
  });
});

describe('SCORM session wrapper', () => {
  it('initializes with an empty string and reads values', () => {
    const lms = quietLms();
    lms.loadFromJSON({ core: { lesson_location: 'resilience-basics/quiz' } });
    const init = vi.spyOn(lms, 'LMSInitialize');
    const session = openScormSession(lms);
    expect(init).toHaveBeenCalledWith('');
    expect(session?.getValue('cmi.core.lesson_location')).toBe('resilience-basics/quiz');
    expect(session?.errors()).toEqual([]);
  });

  it('records LMS errors with a readable message instead of throwing', () => {
    const lms = quietLms();
    const seen: string[] = [];
    const session = openScormSession(lms, (e) => seen.push(e.code));
    expect(session?.getValue('cmi.core.exit')).toBe(''); // write-only: error 404
    expect(session?.setValue('cmi.core.lesson_status', 'finished')).toBe(false); // bad vocabulary: 405
    expect(session?.errors().map((e) => [e.call, e.element, e.code])).toEqual([
      ['LMSGetValue', 'cmi.core.exit', '404'],
      ['LMSSetValue', 'cmi.core.lesson_status', '405'],
    ]);
    expect(session?.errors()[0]?.message).toMatch(/write only/i);
    expect(seen).toEqual(['404', '405']);
  });

  it('survives an LMS that throws', () => {
    const api: Scorm12Api = {
      LMSInitialize: () => 'true',
      LMSFinish: () => 'true',
      LMSGetValue: () => {
        throw new Error('LMS exploded');
      },
      LMSSetValue: () => 'true',
      LMSCommit: () => 'true',
      LMSGetLastError: () => '0',
      LMSGetErrorString: () => '',
      LMSGetDiagnostic: () => '',
    };
    const session = openScormSession(api);
    expect(session?.getValue('cmi.suspend_data')).toBe('');
    expect(session?.errors()[0]).toMatchObject({ call: 'LMSGetValue', code: 'exception', message: 'LMS exploded' });
  });

  it('returns null when the LMS refuses to start', () => {
    const lms = quietLms();
    lms.LMSInitialize('');
    const errors: string[] = [];
    expect(openScormSession(lms, (e) => errors.push(e.code))).toBeNull(); // already initialized: 101
    expect(errors).toEqual(['101']);
  });

  it('finishes once and calls nothing after LMSFinish', () => {
    const lms = quietLms();
    const session = openScormSession(lms);
    if (!session) throw new Error('no session');
    const calls: string[] = [];
    for (const name of ['LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'] as const) {
      const original = lms[name].bind(lms) as (...args: unknown[]) => string;
      lms[name] = ((...args: unknown[]) => {
        calls.push(name);
        return original(...args);
      }) as never;
    }
    expect(session.finish()).toBe(true);
    expect(session.finished).toBe(true);
    expect(session.finish()).toBe(false);
    expect(session.commit()).toBe(false);
    expect(session.setValue('cmi.core.lesson_status', 'passed')).toBe(false);
    expect(session.getValue('cmi.core.lesson_status')).toBe('');
    expect(calls).toEqual(['LMSFinish']); // not even LMSGetLastError after a successful finish
  });

  it('asks why when LMSFinish fails', () => {
    const api: Scorm12Api = {
      LMSInitialize: () => 'true',
      LMSFinish: () => 'false',
      LMSGetValue: () => '',
      LMSSetValue: () => 'true',
      LMSCommit: () => 'true',
      LMSGetLastError: () => '301',
      LMSGetErrorString: () => 'Not initialized',
      LMSGetDiagnostic: () => 'The session was lost',
    };
    const session = openScormSession({ ...api, LMSGetLastError: () => '0' });
    expect(session?.finish()).toBe(false);
    expect(session?.errors()[0]).toMatchObject({ call: 'LMSFinish', code: 'refused' });
    const lost = openScormSession({
      ...api,
      LMSInitialize: () => 'true',
      LMSGetLastError: (() => {
        let n = 0;
        return () => (n++ === 0 ? '0' : '301');
      })(),
    });
    expect(lost?.finish()).toBe(false);
    expect(lost?.errors()[0]).toMatchObject({
      call: 'LMSFinish',
      code: '301',
      message: 'Not initialized — The session was lost',
    });
  });
});
