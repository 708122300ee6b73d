import { pino, type DestinationStream } from "pino";

/** Structured logs through pino: one JSON object per line on stderr. */
export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger whose every line also carries `bindings` (the server makes one per request, with its id). */
  child(bindings: Record<string, unknown>): Logger;
}

function wrap(log: pino.Logger): Logger {
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
    child: (bindings) => wrap(log.child(bindings)),
  };
}

/**
 * The process's logger at `level`: lines as `{"level":"info","time":"...","message":"...",...}`
 * on stderr, written synchronously so that nothing is lost when the process exits; `sink`
 * receives each line instead (the tests read the logs that way).
 */
export function createLogger(level: LogLevel = "info", sink?: (line: string) => void): Logger {
  const destination: DestinationStream = sink ? { write: (line: string) => sink(line.trimEnd()) } : pino.destination({ dest: 2, sync: true });
  return wrap(
    pino(
      {
        level,
        base: null,
        messageKey: "message",
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      destination,
    ),
  );
}
