import { ConsoleLogger, type LoggerService, type LogLevel } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';
import { currentCorrelationId } from '@capstan/messaging';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
type Level = (typeof LEVELS)[number];
const FORMATS = ['json', 'text'] as const;

/** A misspelt level or format stops start-up like any other bad variable, rather than logging otherwise than asked. */
function oneOf<T extends string>(variable: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`Invalid configuration: ${variable} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/**
 * The process's logger: JSON lines (pino) with the service, the logging
 * component and the correlation id of the work in progress; or Nest's readable
 * text (`LOG_FORMAT=text`, as `npm start` uses). `LOG_LEVEL` sets how much.
 */
export function createLogger(service: string, env: NodeJS.ProcessEnv = process.env): LoggerService {
  const level = oneOf('LOG_LEVEL', env['LOG_LEVEL'], LEVELS, 'info');
  if (oneOf('LOG_FORMAT', env['LOG_FORMAT'], FORMATS, 'json') === 'text') return new ConsoleLogger({ logLevels: nestLevels(level) });
  return new JsonLogger(
    pino({
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    }),
  );
}

class JsonLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack?, context?).
    const context = rest.length ? rest[rest.length - 1] : undefined;
    const stack = rest.length > 1 ? rest[0] : undefined;
    this.pino.error({ context, ...(typeof stack === 'string' ? { stack } : {}), ...(message instanceof Error ? { stack: message.stack } : {}) }, text(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    this.pino[level]({ context: rest[rest.length - 1] }, text(message));
  }
}

function text(message: unknown): string {
  return typeof message === 'string' ? message : message instanceof Error ? message.message : JSON.stringify(message);
}

function nestLevels(level: Level): LogLevel[] {
  const order: [Level, LogLevel][] = [
    ['fatal', 'fatal'],
    ['error', 'error'],
    ['warn', 'warn'],
    ['info', 'log'],
    ['debug', 'debug'],
    ['trace', 'verbose'],
  ];
  return order.slice(0, order.findIndex(([name]) => name === level) + 1).map(([, nest]) => nest);
}
