import { describe, expect, it } from "vitest";
import { errorBodySchema } from "@/lib/errors";
import { openApiDocument, ROLE_EXTENSION } from "./document";
import { errorResponses } from "./errors";
import { OPERATIONS } from "./operations";

// The document is valid OpenAPI 3.1 in structure, every reference resolves, and every example validates against the
// zod schema the route itself uses (and the emitted JSON Schema's required properties).

type Json = Record<string, unknown>;
const doc = openApiDocument() as unknown as Json;
const paths = doc.paths as Record<string, Record<string, Json>>;
const components = doc.components as Record<string, Record<string, Json>>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Every `$ref` value anywhere in `value`, with where it sits. */
function refsIn(value: unknown, at = "#"): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsIn(v, `${at}/${i}`));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === "$ref" && typeof v === "string" ? [[at, v] as [string, string]] : refsIn(v, `${at}/${k}`),
  );
}

function resolvePointer(pointer: string): unknown {
  if (!pointer.startsWith("#/")) return undefined;
  return pointer
    .slice(2)
    .split("/")
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined),
      doc,
    );
}

const operations = Object.entries(paths).flatMap(([p, item]) =>
  Object.entries(item).map(([method, op]) => ({
    path: p,
    method,
    op,
    source: OPERATIONS.find((o) => o.id === op.operationId),
  })),
);

const deref = (node: Json): Json =>
  typeof node.$ref === "string" ? (resolvePointer(node.$ref) as Json) : node;

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with info, paths and components", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({
      title: expect.any(String),
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(Object.keys(paths).length).toBeGreaterThan(20);
    expect(Object.keys(components.schemas ?? {}).length).toBeGreaterThan(10);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
  });

  it("resolves every $ref", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter(([, ref]) => resolvePointer(ref) === undefined)).toEqual([]);
  });

  it("keeps component names to the characters OpenAPI allows", () => {
    for (const [kind, entries] of Object.entries(components)) {
      for (const name of Object.keys(entries)) expect(name, kind).toMatch(/^[a-zA-Z0-9._-]+$/);
    }
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    "%s is a well-formed operation",
    (_, { path: p, method, op, source }) => {
      expect(p).toMatch(/^\/api\//);
      expect(METHODS).toContain(method);
      expect(source, "the operation comes from OPERATIONS").toBeDefined();
      expect(op.summary).toEqual(expect.any(String));
      // Path template variables and path parameters name each other, one to one, all required.
      const parameters = ((op.parameters ?? []) as Json[]).map(deref);
      const inPath = parameters.filter((x) => x.in === "path");
      const template = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(inPath.map((x) => x.name).sort()).toEqual(template.sort());
      for (const x of inPath) expect(x.required).toBe(true);
      for (const x of parameters) {
        expect(["path", "query", "header", "cookie"]).toContain(x.in);
        expect(x.schema, `schema of ${String(x.name)}`).toEqual(expect.any(Object));
      }
      const names = parameters.map((x) => `${String(x.in)}:${String(x.name)}`);
      expect(new Set(names).size).toBe(names.length);
      // At least one success answer; every answer has a description.
      const responses = op.responses as Record<string, Json>;
      expect(Object.keys(responses).some((s) => /^2\d\d$/.test(s))).toBe(true);
      for (const [status, response] of Object.entries(responses)) {
        expect(status).toMatch(/^[1-5]\d\d$/);
        expect(deref(response).description).toEqual(expect.any(String));
      }
      // Security names declared schemes only; tags are declared.
      for (const requirement of op.security as Json[]) {
        for (const scheme of Object.keys(requirement))
          expect(components.securitySchemes).toHaveProperty(scheme);
      }
      for (const tag of op.tags as string[]) expect((doc.tags as Json[]).map((t) => t.name)).toContain(tag);
    },
  );

  it("has unique operation IDs", () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("asks a guarded operation for a session cookie or a personal API token, and names its role", () => {
    const startJob = paths["/api/jobs"]?.post;
    expect(startJob?.security).toEqual([{ sessionCookie: [] }, { bearerAuth: [] }]);
    expect(startJob?.["x-required-role"]).toBe("operator");
    expect(paths["/api/openapi.json"]?.get?.security).toEqual([]);
    expect(components.securitySchemes?.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
      description: expect.stringMatching(/personal API token/i),
    });
  });

  it("describes query parameters as sent: defaults optional, formats kept", () => {
    const list = ((paths["/api/jobs"]?.get?.parameters ?? []) as Json[]).map(deref);
    expect(list.find((x) => x.name === "limit")).toMatchObject({
      required: false,
      schema: { type: "integer", default: 50, minimum: 1, maximum: 100 },
    });
    expect(JSON.stringify(list.find((x) => x.name === "from"))).toContain('"format":"date-time"');
  });
});

describe("the token, webhook and probe operations", () => {
  const schemas = components.schemas!;
  const responseRef = (p: string, method: string, status: string) =>
    ((paths[p]?.[method]?.responses as Record<string, Json>)[status]?.content as Record<string, Json>)?.[
      "application/json"
    ]?.schema;

  it("answers token creation with the secret once, and says a token cannot create tokens", () => {
    const create = paths["/api/tokens"]?.post;
    expect(responseRef("/api/tokens", "post", "201")).toEqual({
      $ref: "#/components/schemas/CreatedTokenAnswer",
    });
    expect(create?.description).toMatch(/bearer token answers 403/);
    expect(create?.description).toMatch(/this once/);
    expect(schemas.ApiToken?.properties).not.toHaveProperty("secret");
    expect(Object.keys(paths["/api/tokens/{id}"]?.delete?.responses as Json)).toContain("404");
  });

  it("keeps the webhook secret write-only and names the 400 and 422 the store answers", () => {
    for (const name of ["CreateWebhookRequest", "UpdateWebhookRequest"]) {
      expect((schemas[name]?.properties as Record<string, Json>).secret).toMatchObject({ writeOnly: true });
    }
    expect(Object.keys(schemas.Webhook?.properties as Json)).toEqual(expect.arrayContaining(["secretSet"]));
    expect(schemas.Webhook?.properties).not.toHaveProperty("secret");
    const create = paths["/api/webhooks"]?.post;
    expect(create?.[ROLE_EXTENSION]).toBe("admin");
    expect(create?.description).toMatch(/400 `validation_failed`.*`fields\.url`/);
    expect(create?.description).toMatch(/APP_ENCRYPTION_KEY.*422/);
    expect(Object.keys(create?.responses as Json)).toEqual(expect.arrayContaining(["201", "400", "422"]));
  });

  it("describes an answer without a body (204) with no content", () => {
    expect((paths["/api/webhooks/{id}"]?.delete?.responses as Record<string, Json>)["204"]).toEqual({
      description: expect.any(String),
    });
  });

  it("documents the probes as public, readiness as 200 and 503 with one body shape", () => {
    for (const p of ["/api/health", "/api/ready"]) {
      expect(paths[p]?.get?.security).toEqual([]);
      expect(paths[p]?.get).not.toHaveProperty(ROLE_EXTENSION);
    }
    const readiness = { $ref: "#/components/schemas/Readiness" };
    expect(responseRef("/api/ready", "get", "200")).toEqual(readiness);
    expect(responseRef("/api/ready", "get", "503")).toEqual(readiness);
    expect(responseRef("/api/health", "get", "200")).toEqual({ $ref: "#/components/schemas/HealthAnswer" });
  });
});

describe("examples in the document", () => {
  const requestExamples = operations.flatMap(({ op, source, method, path: p }) => {
    const content = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
    const examples = (content?.["application/json"]?.examples ?? {}) as Record<string, Json>;
    return Object.entries(examples).map(
      ([name, e]) => [`${method.toUpperCase()} ${p} "${name}"`, e.value, source, content] as const,
    );
  });

  it("has request examples for every JSON body", () => {
    const withBody = operations.filter((o) => o.op.requestBody);
    expect(withBody.length).toBeGreaterThanOrEqual(5);
    for (const o of withBody)
      expect(
        requestExamples.some(([, , source]) => source === o.source),
        o.op.operationId as string,
      ).toBe(true);
  });

  it.each(requestExamples)(
    "request %s validates against the route's own schema and the emitted one",
    (_, value, source, content) => {
      const result = source!.body!.schema.safeParse(value);
      expect(result.error?.issues ?? []).toEqual([]);
      const emitted = deref(content!["application/json"]!.schema as Json);
      for (const key of (emitted.required ?? []) as string[]) expect(value).toHaveProperty(key);
      if (emitted.additionalProperties === false) {
        for (const key of Object.keys(value as Json))
          expect(Object.keys(emitted.properties as Json)).toContain(key);
      }
    },
  );

  const responseExamples = operations.flatMap(({ op, source, method, path: p }) =>
    Object.entries(op.responses as Record<string, Json>).flatMap(([status, response]) => {
      const examples = ((response.content as Record<string, Json> | undefined)?.["application/json"]
        ?.examples ?? {}) as Record<string, Json>;
      const schema = source?.responses.find((r) => String(r.status) === status)?.json?.schema;
      return Object.entries(examples).map(
        ([name, e]) => [`${method.toUpperCase()} ${p} ${status} "${name}"`, e.value, schema] as const,
      );
    }),
  );

  it.each(responseExamples)("answer %s validates against the DTO schema", (_, value, schema) => {
    expect(schema).toBeDefined();
    expect(schema!.safeParse(value).error?.issues ?? []).toEqual([]);
  });

  it.each(errorResponses().map((e) => [e.name, e] as const))(
    "error answer %s has a valid example of its own codes",
    (name, e) => {
      const response = components.responses?.[name] as Json;
      const example = ((response.content as Record<string, Json>)["application/json"]!.example ??
        null) as Json;
      expect(errorBodySchema.parse(example).error.code).toBeOneOf(e.codes);
    },
  );
});
