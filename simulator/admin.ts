import { z } from "zod";
import { parseBody } from "./body";
import type { Sim } from "./context";
import { CODES, methodNotAllowed, namespaceNotFound, resourceNotFound, swrError } from "./errors";
import { faultConfigSchema } from "./faults";
import type { Reply } from "./http";
import { buildImage, DIGEST_RE } from "./images";
import { isValidNamespace, isValidRepository } from "./names";
import { isServedRegion, SERVED_REGIONS } from "./regions";
import { SEED_REGIONS } from "./seed";
import { formatTime } from "./time";
import { namespaceWire, tagWire } from "./wire";

// Simulator-only endpoints under /__sim/: no region prefix, no authentication.

const region = z.string().refine(isServedRegion, { message: "must be a served region ID" });
const namespace = z.string().refine(isValidNamespace, { message: "must be a valid namespace name" });

const putTagSchema = z.strictObject({
  region,
  namespace,
  repository: z.string().refine(isValidRepository, { message: "must be a valid repository name" }),
  tag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, { message: "must be a valid tag name" }),
  digest: z.string().regex(DIGEST_RE, { message: "must be sha256: followed by 64 lower-case hex digits" }).optional(),
  size: z.number().int().nonnegative().optional(),
  category: z.string().default("other"),
  /** Create the namespace when it does not exist (otherwise 404). */
  createNamespace: z.boolean().default(false),
});

const putNamespaceSchema = z.strictObject({ region, namespace, auth: z.union([z.literal(7), z.literal(3), z.literal(1)]).default(7) });

export interface AdminSetup {
  sim: Sim;
  /** Faults and state back to the seed, stats cleared. */
  reset(): void;
}

type AdminHandler = (setup: AdminSetup, body: Buffer) => Reply;

const ok = (body: unknown, status = 200): Reply => ({ status, body });

// POST /__sim/tags — push a tag (with a chosen digest) into a repository, creating the repository when missing
const putTag: AdminHandler = ({ sim }, body) => {
  const input = parseBody(putTagSchema, body);
  const ns = sim.store.namespace(input.region, input.namespace) ?? (input.createNamespace ? sim.store.addNamespace(input.region, input.namespace, sim.keyOwner) : undefined);
  if (!ns) throw namespaceNotFound(input.namespace, input.region);
  const at = formatTime(sim.now());
  const repo =
    ns.repos.find((r) => r.name === input.repository) ??
    sim.store.addRepo(ns, { name: input.repository, category: input.category, description: "", is_public: false }, sim.keyOwner, at);
  const image = buildImage(`${input.repository}:${input.tag}@${input.region}/${input.namespace}#${input.digest ?? sim.store.snapshot.nextIds.tag}`);
  const tag = sim.store.putTag(repo, {
    Tag: input.tag,
    ...image,
    digest: input.digest ?? image.digest,
    size: input.size ?? image.size,
    is_trusted: false,
    scanned: false,
    created: at,
    updated: at,
  });
  sim.engine.tagPushed(input.region, ns.name, repo.name, tag.Tag, sim.keyOwner);
  return ok(tagWire(input.region, ns.name, repo, tag, sim.account), 201);
};

// POST /__sim/namespaces — create a namespace in a region
const putNamespace: AdminHandler = ({ sim }, body) => {
  const input = parseBody(putNamespaceSchema, body);
  if (sim.store.namespace(input.region, input.namespace)) {
    throw swrError(409, CODES.conflict, `namespace ${input.namespace} already exists in ${input.region}`);
  }
  return ok(namespaceWire(sim.store.addNamespace(input.region, input.namespace, sim.keyOwner, input.auth)), 201);
};

const ROUTES: Record<string, AdminHandler> = {
  "GET /__sim/health": ({ sim }) => ok({ status: "ok", regions: SERVED_REGIONS.length, seededRegions: SEED_REGIONS, jobs: sim.store.jobs.length }),
  "GET /__sim/faults": ({ sim }) => ok(sim.faults.current),
  "PUT /__sim/faults": ({ sim }, body) => {
    sim.faults.set(parseBody(faultConfigSchema, body));
    return ok(sim.faults.current);
  },
  "POST /__sim/reset": (setup) => {
    setup.reset();
    return ok({ status: "reset" });
  },
  "GET /__sim/stats": ({ sim }) => ok(sim.stats.current),
  "DELETE /__sim/stats": ({ sim }) => {
    sim.stats.reset();
    return ok(sim.stats.current);
  },
  "GET /__sim/jobs": ({ sim }) => ok(sim.store.jobs),
  "POST /__sim/tags": putTag,
  "POST /__sim/namespaces": putNamespace,
};

export function handleAdmin(setup: AdminSetup, method: string, rawPath: string, body: Buffer): Reply {
  const path = rawPath.replace(/\/$/, "");
  const handler = ROUTES[`${method} ${path}`];
  if (handler) return handler(setup, body);
  const allowed = Object.keys(ROUTES).filter((k) => k.endsWith(` ${path}`)).map((k) => k.split(" ")[0]!);
  if (allowed.length === 0) throw resourceNotFound(`no simulator admin endpoint at ${path}`);
  throw methodNotAllowed(method, path, allowed);
}
