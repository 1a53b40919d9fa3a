import "server-only";
import diagnostics from "node:diagnostics_channel";
import { Server } from "node:http";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// Graceful shutdown of a server process. On SIGTERM or SIGINT: stop taking requests, run the registered stops in
// the order they were registered (the sync engine, the webhook worker, …), let requests in flight finish, and exit,
// all within SHUTDOWN_LIMIT_MS. Next's own signal handler would exit as soon as its requests are done, before our
// work is let go, so the server runs with NEXT_MANUAL_SIG_HANDLE=true and this module owns the exit.

export const SHUTDOWN_LIMIT_MS = 10_000;
/** Kept free at the end of the limit for the exit itself. */
const EXIT_MARGIN_MS = 1_000;
const SIGNALS = ["SIGTERM", "SIGINT"] as const;

export interface ShutdownLog {
  info(message: string): void;
  error(message: string): void;
}

interface Stop {
  name: string;
  /** Gets the time left in milliseconds; should be done by then. */
  run: (budgetMs: number) => Promise<void>;
}

export interface Shutdown {
  /** Adds a stop to the sequence (after those registered before it); returns a function that takes it out again. */
  onShutdown(name: string, run: (budgetMs: number) => Promise<void>): () => void;
  /** The names of the registered stops, in order. */
  stops(): string[];
  /** HTTP servers to close first; those already closed or closing are fine. */
  addServer(server: Server): void;
  /** True from the signal on. */
  readonly shuttingDown: boolean;
  /** The sequence; resolves when it is done or `limitMs` has passed. Runs once: later calls get the same promise. */
  run(limitMs?: number): Promise<void>;
}

const defaultLog = (): ShutdownLog => logger("shutdown");

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function closeServer(server: Server): Promise<void> {
  // close() stops listening and ends idle keep-alive connections; its callback comes when the last request is answered.
  return new Promise((resolve) => {
    server.close(() => resolve());
  });
}

function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createShutdown(log: ShutdownLog = defaultLog()): Shutdown {
  let stops: Stop[] = [];
  const servers = new Set<Server>();
  let running: Promise<void> | undefined;
  let closing: Promise<void>[] = [];

  async function sequence(limitMs: number): Promise<void> {
    const deadline = Date.now() + limitMs;
    const left = () => deadline - Date.now();
    closing = [...servers].map(closeServer);
    log.info(`stopping: no new requests; then ${stops.map((s) => s.name).join(", ") || "nothing else"}`);
    // A stop still running at the limit means the limit has passed, whatever a timer that fired a millisecond early says.
    let expired = false;
    for (const stop of stops) {
      if (expired || left() <= 0) {
        log.error(`${stop.name}: not stopped, the ${limitMs} ms limit has passed`);
        continue;
      }
      const done = await within(
        stop.run(left()).then(
          () => true,
          (e: unknown) => {
            log.error(`${stop.name}: stopping failed: ${errorText(e)}`);
            return true;
          },
        ),
        left(),
      );
      if (!done) {
        log.error(`${stop.name}: still stopping when the ${limitMs} ms limit passed`);
        expired = true;
      }
    }
    // A connection whose last request was answered would stay open until its keep-alive ran out: end those now and then.
    const idle = setInterval(() => {
      for (const server of servers) server.closeIdleConnections();
    }, 100);
    for (const server of servers) server.closeIdleConnections();
    const drained = await within(Promise.all(closing).then(() => true), left());
    clearInterval(idle);
    if (drained === undefined) log.error("requests still open when the limit passed; they are cut off");
    log.info("stopped");
  }

  return {
    onShutdown(name, run) {
      const stop: Stop = { name, run };
      stops.push(stop);
      return () => {
        stops = stops.filter((s) => s !== stop);
      };
    },
    stops: () => stops.map((s) => s.name),
    addServer(server) {
      if (servers.has(server)) return;
      servers.add(server);
      // A request that reached a server first seen during shutdown: that server stops listening too.
      if (running) closing.push(closeServer(server));
    },
    get shuttingDown() {
      return running !== undefined;
    },
    run(limitMs = SHUTDOWN_LIMIT_MS - EXIT_MARGIN_MS) {
      running ??= sequence(limitMs);
      return running;
    },
  };
}

// One per process, on globalThis so that dev hot reload keeps one list and one set of signal handlers.
const holder = globalThis as typeof globalThis & { swrSyncShutdown?: Shutdown; swrSyncShutdownInstalled?: boolean };
const processShutdown = (holder.swrSyncShutdown ??= createShutdown());

/** Adds a stop to this process's shutdown sequence (after those registered before it); returns its removal. */
export function onShutdown(name: string, run: (budgetMs: number) => Promise<void>): () => void {
  return processShutdown.onShutdown(name, run);
}

/** The names of the stops this process will run on SIGTERM, in order. */
export function shutdownStops(): string[] {
  return processShutdown.stops();
}

/** True from the signal on: the readiness check can answer 503 so that a load balancer sends nothing new. */
export function isShuttingDown(): boolean {
  return processShutdown.shuttingDown;
}

/**
 * The HTTP servers listening in this process. Next starts listening before instrumentation runs and never hands its
 * server out, so one that has not answered a request yet is found among the process's active handles.
 */
export function listeningServers(): Server[] {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.filter((h): h is Server => h instanceof Server && h.listening);
}

function onSignal(): void {
  // A second signal (Ctrl+C reaches the whole process group, then the parent sends SIGTERM) changes nothing.
  if (processShutdown.shuttingDown) return;
  for (const server of listeningServers()) processShutdown.addServer(server);
  setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
  void processShutdown.run().finally(() => process.exit(0));
}

/**
 * Installs the signal handlers and starts noting the HTTP servers this process answers on (Node's built-in
 * `http.server.request.start` channel names the server of each request; at the signal, listening servers that
 * have not answered one yet are taken from the active handles).
 * Without NEXT_MANUAL_SIG_HANDLE Next's handler exits first; the sequence then runs only as far as it gets.
 */
export function installShutdown(log: ShutdownLog = defaultLog()): void {
  if (holder.swrSyncShutdownInstalled) return;
  holder.swrSyncShutdownInstalled = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { server } = message as { server?: Server };
    if (server) processShutdown.addServer(server);
  });
  if (!env().NEXT_MANUAL_SIG_HANDLE && env().NODE_ENV === "production") log.info("NEXT_MANUAL_SIG_HANDLE is not set: Next may exit before work in progress is let go");
  for (const s of SIGNALS) process.on(s, onSignal);
}
