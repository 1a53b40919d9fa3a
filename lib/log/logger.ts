import "server-only";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { env, type Env } from "@/lib/env";
import { logContext } from "./context";

// The one logger of the server: JSON lines on stdout, secrets censored by pino itself, request and job ids added.

export type { Logger } from "pino";

export type LogLevel = Env["LOG_LEVEL"];

// Keys that hold a secret wherever they appear (top level or one object down); values are never meant to be logged,
// this is the net under that rule.
const SECRET_KEYS = [
  "ak",
  "sk",
  "AK",
  "SK",
  "secret",
  "password",
  "passwordHash",
  "token",
  "accessToken",
  "sessionToken",
  "securityToken",
  "csrfToken",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "set-cookie",
  "x-auth-token",
  "X-Auth-Token",
  "x-subject-token",
  "X-Subject-Token",
  "x-security-token",
  "X-Security-Token",
  "NEXTAUTH_SECRET",
  "SWR_AK",
  "SWR_SK",
  "SWR_SECURITY_TOKEN",
  "SWR_IAM_PASSWORD",
  "METRICS_TOKEN",
  "APP_ENCRYPTION_KEY",
  "DATABASE_URL",
];

const key = (k: string) => (/^[A-Za-z_]\w*$/.test(k) ? `.${k}` : `["${k}"]`);

export const REDACTED_PATHS = SECRET_KEYS.flatMap((k) => [key(k).replace(/^\./, ""), `*${key(k)}`, `*.headers${key(k)}`]);

export const REDACTED = "[redacted]";

export interface LoggerSettings {
  level: LogLevel;
  /** `pretty`: human-readable lines through pino-pretty (a development dependency), for the demo and local runs. */
  format: Env["LOG_FORMAT"];
}

function loggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    // The request or job this line belongs to, from the async context (lib/log/context.ts).
    mixin: () => ({ ...logContext() }),
  };
}

/** A logger with the app's options; `destination` defaults to stdout. */
export function createLogger(settings: LoggerSettings, destination?: DestinationStream): Logger {
  const options = loggerOptions(settings.level);
  if (destination) return pino(options, destination);
  if (settings.format === "pretty") {
    // pino-pretty runs in a worker thread; it reads the numeric level, so the label formatter stays out.
    const transport = pino.transport({
      target: "pino-pretty",
      options: { colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" },
    });
    return pino({ ...options, formatters: {} }, transport);
  }
  // process.stdout writes synchronously to files and pipes on Linux, so a line logged just before an exit is not lost.
  return pino(options, process.stdout);
}

/** The configured level and format; defaults when the configuration is invalid, so that the error itself can be logged. */
function settingsFromEnv(): LoggerSettings {
  try {
    const e = env();
    return { level: e.LOG_LEVEL, format: e.LOG_FORMAT };
  } catch {
    return { level: "info", format: "json" };
  }
}

// On globalThis so that dev hot reload keeps one logger (and one pretty worker) per process.
const holder = globalThis as typeof globalThis & { swrSyncLogger?: { root: Logger; children: Map<string, Logger> } };

function root() {
  holder.swrSyncLogger ??= { root: createLogger(settingsFromEnv()), children: new Map() };
  return holder.swrSyncLogger;
}

/** The process's logger, or its child for `component` (`api`, `auth`, `swr`, `sync`, …); created on first use. */
export function logger(component?: string): Logger {
  const { root: base, children } = root();
  if (!component) return base;
  let child = children.get(component);
  if (!child) {
    child = base.child({ component });
    children.set(component, child);
  }
  return child;
}
