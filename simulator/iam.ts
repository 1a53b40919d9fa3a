import { randomBytes } from "node:crypto";
import { z } from "zod";
import { parseBody } from "./body";
import type { OpHandler } from "./context";
import { keystoneError } from "./errors";
import { single } from "./http";
import { projectIdOf, regionOfProjectId, SERVED_REGIONS, stableHexId } from "./regions";

// The two IAM (Keystone) operations SWR clients need: password tokens and project lookup (contract §4.2–4.3).

const named = z.object({ name: z.string().min(1).optional(), id: z.string().min(1).optional() }).refine((v) => v.name !== undefined || v.id !== undefined, { message: "give name or id" });

const tokenRequestSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).refine((m) => m.includes("password"), { message: 'methods must include "password"' }),
      password: z.object({ user: z.object({ domain: named, name: z.string().min(1), password: z.string() }) }),
    }),
    scope: z.object({ project: named }, { error: "scope.project is required: SWR needs a project-scoped token" }),
  }),
});

/** IAM writes times with microseconds. */
const iamTime = (date: Date) => date.toISOString().replace("Z", "000Z");

// POST /v3/auth/tokens — KeystoneCreateUserTokenByPassword: 201 with the token in X-Subject-Token
export const createToken: OpHandler = (r) => {
  const { auth } = parseBody(tokenRequestSchema, r.body, (message) => keystoneError(400, message));
  const { user: login } = auth.identity.password;
  const user = r.sim.users.find(
    (u) => (login.domain.name === undefined || u.domain === login.domain.name) && (login.domain.id === undefined || u.domainId === login.domain.id) && u.name === login.name,
  );
  if (!user || user.password !== login.password) throw keystoneError(401, "The username or password is wrong.");
  const scope = auth.scope.project;
  const region = scope.id !== undefined ? regionOfProjectId(scope.id) : SERVED_REGIONS.find((id) => id === scope.name);
  if (!region || (scope.name !== undefined && scope.name !== region)) {
    throw keystoneError(401, `The project ${scope.name ?? scope.id} does not exist or the user has no access to it.`);
  }
  const issuedAt = r.sim.now();
  const expiresAt = new Date(issuedAt.getTime() + r.sim.tokenTtlMs);
  const token = `MIIsim${randomBytes(1536).toString("base64")}`;
  r.sim.store.addToken({ token, userId: user.id, projectId: projectIdOf(region), issuedAt: issuedAt.toISOString(), expiresAt: expiresAt.toISOString() });
  const domain = { id: user.domainId, name: user.domain };
  const catalog = [
    { id: stableHexId("service/swr"), name: "swr", type: "swr", endpoints: [{ id: stableHexId(`endpoint/swr/${region}`), interface: "public", region, region_id: region, url: r.baseUrl }] },
  ];
  return {
    status: 201,
    headers: { "X-Subject-Token": token },
    body: {
      token: {
        expires_at: iamTime(expiresAt),
        issued_at: iamTime(issuedAt),
        methods: ["password"],
        project: { id: projectIdOf(region), name: region, domain },
        user: { id: user.id, name: user.name, domain, password_expires_at: "" },
        roles: [{ id: stableHexId("role/te_admin"), name: "te_admin" }],
        ...(single(r.query, "nocatalog") ? {} : { catalog }),
      },
    },
  };
};

// GET /v3/projects — KeystoneListProjects: one project per served region, filtered by `name`
export const listProjects: OpHandler = (r) => {
  const name = single(r.query, "name");
  const { domainId } = r.sim.account;
  const projects = SERVED_REGIONS.filter((id) => name === undefined || id === name).map((id) => ({
    id: projectIdOf(id),
    name: id,
    domain_id: domainId,
    parent_id: domainId,
    enabled: true,
    is_domain: false,
    description: "",
    links: { self: `${r.baseUrl}/v3/projects/${projectIdOf(id)}` },
  }));
  const query = name === undefined ? "" : `?name=${encodeURIComponent(name)}`;
  return { status: 200, body: { projects, links: { self: `${r.baseUrl}/v3/projects${query}`, previous: null, next: null } } };
};
