/**
 * Structured logs: one JSON object per line. Callers pass fields they chose (method, route pattern,
 * status, ids); nothing here ever reads headers or bodies, which hold tokens and note text.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Where one finished line goes; the default writes to stderr so that stdout stays for the CLI's answers. */
export type LogSink = (line: string) => void;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export function createLogger(sink: LogSink, now: () => Date = () => new Date()): Logger {
  const write = (level: LogLevel, msg: string, fields: LogFields = {}) => {
    const entry: Record<string, unknown> = { time: now().toISOString(), level, msg };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) entry[k] = v;
    sink(JSON.stringify(entry));
  };
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}

export const stderrSink: LogSink = (line) => process.stderr.write(`${line}\n`);
