import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { handleAdmin, type AdminSetup } from "./admin";
import { authenticate } from "./auth";
import type { OpHandler, Sim } from "./context";
import { CODES, resourceNotFound, SimError, swrError } from "./errors";
import { faultConfigSchema } from "./faults";
import { Faults } from "./faults";
import { parseQuery, readBody, send, sendError, splitTarget } from "./http";
import { createToken, listProjects } from "./iam";
import { toIamUser, type AccessKeyPair, type IamUserInput } from "./identity";
import { listApiVersions, listNamespaces, listSyncRegions, showApiVersion, showNamespace } from "./ops-catalog";
import { listReposDetails, listRepositoryTags, showRepository } from "./ops-repos";
import { createImageSyncRepo, createManualImageSyncRepo, deleteImageSyncRepo, listImageAutoSyncReposDetails, showSyncJob } from "./ops-sync";
import type { OperationName } from "./operations";
import { resolveOptions, type SimulatorOptions } from "./options";
import { DebouncedSaver, loadState } from "./persistence";
import { isServedRegion } from "./regions";
import { matchRoute, pathSegments } from "./routes";
import { seedState } from "./seed";
import { Stats } from "./stats";
import { Store } from "./store";
import { SyncEngine } from "./sync-engine";

export type { SimulatorOptions } from "./options";

export interface RunningSimulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** `${url}/{region}`: the SWR and IAM endpoint of every region. */
  endpointTemplate: string;
  credentials: AccessKeyPair;
  iamUser: IamUserInput;
  close(): Promise<void>;
}

const HANDLERS: Record<OperationName, OpHandler> = {
  ListApiVersions: listApiVersions,
  ShowApiVersion: showApiVersion,
  ListNamespaces: listNamespaces,
  ShowNamespace: showNamespace,
  ListReposDetails: listReposDetails,
  ShowRepository: showRepository,
  ListRepositoryTags: listRepositoryTags,
  CreateManualImageSyncRepo: createManualImageSyncRepo,
  ShowSyncJob: showSyncJob,
  ListImageAutoSyncReposDetails: listImageAutoSyncReposDetails,
  CreateImageSyncRepo: createImageSyncRepo,
  DeleteImageSyncRepo: deleteImageSyncRepo,
  ListSyncRegions: listSyncRegions,
  KeystoneCreateUserTokenByPassword: createToken,
  KeystoneListProjects: listProjects,
};

/** Starts an SWR simulator serving every region under `/{region}/…`, plus admin endpoints under `/__sim/`. */
export async function startSimulator(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  const o = resolveOptions(options);
  const parsedFaults = faultConfigSchema.safeParse(o.faults ?? {});
  if (!parsedFaults.success) throw new Error(`invalid simulator faults: ${parsedFaults.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const initialFaults = parsedFaults.data;
  const users = o.users.map(toIamUser);
  const keyOwner = users[0]!;
  const seed = () => seedState(keyOwner);

  let saver: DebouncedSaver | undefined;
  const store = new Store((o.stateFile && loadState(o.stateFile)) || seed(), () => saver?.schedule());
  if (o.stateFile) saver = new DebouncedSaver(o.stateFile, () => store.snapshot, o.persistDebounceMs, o.log);
  const faults = new Faults(initialFaults);
  const account = { domainId: keyOwner.domainId, domainName: keyOwner.domain };
  const engine = new SyncEngine(store, faults, account, o.syncDelayMs, o.now);
  engine.resumePending();
  const stats = new Stats();
  const sim: Sim = { store, engine, faults, stats, account, users, keyOwner, credentials: o.credentials, tokenTtlMs: o.tokenTtlMs, now: o.now, log: o.log };
  const admin: AdminSetup = {
    sim,
    reset() {
      engine.stop();
      store.replace(seed());
      faults.set(initialFaults);
      stats.reset();
    },
  };

  async function handleSwr(req: IncomingMessage, res: ServerResponse, method: string, rawPath: string, rawQuery: string, requestId: string) {
    const [region = "", ...rest] = pathSegments(rawPath);
    if (!isServedRegion(region)) throw resourceNotFound(`region "${region}" is not served by the simulator; address it as /{region}/… (e.g. /cn-north-4/v2/manage/repos)`);
    const route = matchRoute(method, rest);
    stats.count(region, route.operation);
    const body = await readBody(req);
    const { latencyMs, action } = faults.decide(region, route.operation, requestId);
    if (latencyMs > 0) await sleep(latencyMs);
    if (action.kind === "hang") return;
    if (action.kind === "drop") return void req.socket.destroy();
    if (action.kind === "error") throw action.error;
    const query = parseQuery(rawQuery);
    const caller =
      route.operation === "KeystoneCreateUserTokenByPassword"
        ? undefined
        : authenticate(sim, { method, rawPath, query, headers: req.headers, body, region, requestId, projectScoped: route.operation !== "KeystoneListProjects" });
    const baseUrl = `http://${req.headers.host ?? `${o.host}:${port}`}/${region}`;
    send(res, await HANDLERS[route.operation]({ sim, region, params: route.params, query, body, caller, baseUrl, requestId }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = Date.now();
    const requestId = randomUUID().replaceAll("-", "");
    const method = req.method ?? "GET";
    res.setHeader("Server", "swr-simulator");
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => o.log(`${method} ${req.url ?? ""} ${res.statusCode} ${Date.now() - started}ms`));
    const { rawPath, rawQuery } = splitTarget(req.url ?? "/");
    try {
      if (rawPath === "/__sim" || rawPath.startsWith("/__sim/")) send(res, handleAdmin(admin, method, rawPath, await readBody(req)));
      else await handleSwr(req, res, method, rawPath, rawQuery, requestId);
    } catch (error) {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof SimError) return sendError(res, error);
      o.log(`internal error on ${method} ${req.url ?? ""}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendError(res, swrError(500, CODES.internal, "internal error in the simulator"));
    }
  }

  // Idle kept-alive sockets stay open for a minute, as behind a cloud load balancer: a client whose event loop was busy for
  // a few seconds reuses its socket instead of writing into one the server has just closed (ECONNRESET).
  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${o.host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    endpointTemplate: `${url}/{region}`,
    credentials: o.credentials[0]!,
    iamUser: o.users[0]!,
    close() {
      closing ??= new Promise<void>((resolve) => {
        engine.stop();
        saver?.flush();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
