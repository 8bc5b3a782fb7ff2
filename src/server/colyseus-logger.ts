/**
 * What Colyseus logs, less one line: a device that was away longer than the
 * reconnection window tries its old reconnection token first and then joins
 * again with its seat's token, as it should; Colyseus logs that try as
 * "reconnection token invalid or expired. Did you miss .allowReconnection()?",
 * which reads to whoever runs the server as a fault of theirs.
 */
type Log = (...args: unknown[]) => void;

export interface ColyseusLogger {
  debug: Log;
  error: Log;
  info: Log;
  trace: Log;
  warn: Log;
}

const EXPECTED = 'reconnection token invalid or expired';

export function colyseusLogger(sink: ColyseusLogger = console): ColyseusLogger {
  return {
    debug: (...args) => sink.debug(...args),
    error: (...args) => sink.error(...args),
    info: (...args) => {
      if (typeof args[0] === 'string' && args[0].includes(EXPECTED)) return;
      sink.info(...args);
    },
    trace: (...args) => sink.trace(...args),
    warn: (...args) => sink.warn(...args),
  };
}
