import "server-only";

// Structured logs: the process's pino logger, the request/job context on every line, the per-request wrapper.

export { createLogger, logger, REDACTED, type Logger, type LoggerSettings, type LogLevel } from "./logger";
export { logContext, requestIdOf, withLogContext, type LogContext } from "./context";
export { withRequestLog } from "./request";
