/*
 * Test LMS player: puts a scorm-again SCORM 1.2 runtime on window.API, preloaded
 * with the cmi data given in the query (?cmi=<JSON>, as an LMS resuming an
 * attempt), records every call the SCO makes with the last error right after
 * it, then opens the SCO in an iframe (?sco=<path>). ?refuse=<call> makes one
 * call fail, as an LMS in trouble does.
 */
(() => {
  const params = new URLSearchParams(window.location.search);
  const api = new window.Scorm12API({ logLevel: 4, autocommit: false });
  const preload = params.get('cmi');
  if (preload) api.loadFromJSON(JSON.parse(preload));

  const calls = [];
  const lastError = api.LMSGetLastError.bind(api);
  const methods = [
    'LMSInitialize',
    'LMSFinish',
    'LMSGetValue',
    'LMSSetValue',
    'LMSCommit',
    'LMSGetLastError',
    'LMSGetErrorString',
    'LMSGetDiagnostic',
  ];
  for (const method of methods) {
    const original = api[method].bind(api);
    api[method] = (...args) => {
      const result = original(...args);
      // Reading the error does not change it (SCORM 1.2 RTE 3.4.3), so this sees what the SCO would.
      calls.push({ method, args: args.map(String), result: String(result), error: String(lastError()) });
      return result;
    };
  }
  // ?refuse=initialize or ?refuse=commit: an LMS that refuses that call (returns "false").
  const refuse = params.get('refuse');
  if (refuse === 'initialize') api.LMSInitialize = () => 'false';
  if (refuse === 'commit') api.LMSCommit = () => 'false';
  window.API = api;

  window.scormTest = {
    calls: () => calls,
    /** Every cmi value, write-only ones included. */
    cmi: () => JSON.parse(JSON.stringify(api.cmi)),
    /** Removes the SCO as an LMS does when the learner leaves: the SCO gets pagehide. */
    close: () => document.querySelector('iframe')?.remove(),
  };

  const frame = document.createElement('iframe');
  frame.title = 'Course';
  frame.src = params.get('sco') ?? '';
  document.body.append(frame);
})();
