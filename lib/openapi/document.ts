import type { z } from "zod";
import packageJson from "@/package.json";
import { auditEventDtoSchema } from "@/lib/db/audit-dto";
import {
  namespaceDtoSchema,
  regionDtoSchema,
  repositorySummaryDtoSchema,
  tagDtoSchema,
} from "@/lib/browse/dto";
import { messageParamsSchema, messageSchema } from "@/i18n/message-schema";
import { errorBodySchema } from "@/lib/errors";
import { checkSchema } from "@/lib/health/dto";
import { jobCountsSchema, jobDetailSchema, jobSummarySchema, taskSchema } from "@/lib/jobs/dto";
import { tokenDtoSchema } from "@/lib/tokens/dto";
import { userDtoSchema } from "@/lib/users/dto";
import { deliveryAttemptDtoSchema, deliveryDtoSchema, webhookDtoSchema } from "@/lib/webhooks/dto";
import { errorResponses } from "./errors";
import { SCHEMA_REF_PREFIX, toComponentSchemas, toJsonSchema, type JsonSchema } from "./json-schema";
import { TAGS, type Access, type JsonContent, type Operation } from "./operation";
import { OPERATIONS } from "./operations";

// Builds the OpenAPI 3.1 document of our API from the operation list: GET /api/openapi.json sends it, /api-docs shows it.

export const OPENAPI_VERSION = "3.1.1";
export const ROLE_EXTENSION = "x-required-role";

/** DTOs that several answers hold: a `$ref` each, so the reference page shows them once. */
const SHARED_OUTPUT_SCHEMAS: [string, z.ZodType][] = [
  ["JobSummary", jobSummarySchema],
  ["JobDetail", jobDetailSchema],
  ["JobCounts", jobCountsSchema],
  ["Task", taskSchema],
  ["User", userDtoSchema],
  ["Region", regionDtoSchema],
  ["Namespace", namespaceDtoSchema],
  ["RepositorySummary", repositorySummaryDtoSchema],
  ["Tag", tagDtoSchema],
  ["AuditEvent", auditEventDtoSchema],
  ["ApiToken", tokenDtoSchema],
  ["Webhook", webhookDtoSchema],
  ["WebhookDelivery", deliveryDtoSchema],
  ["WebhookDeliveryAttempt", deliveryAttemptDtoSchema],
  ["ReadinessCheck", checkSchema],
  ["Error", errorBodySchema],
  ["Message", messageSchema],
  ["MessageParams", messageParamsSchema],
];

const GUARD_ERRORS = [400, 401, 403, 500];
const BODY_ERRORS = [413, 415];

const SECURITY_SCHEMES = {
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description:
      "The dashboard's session cookie (`__Secure-next-auth.session-token` over HTTPS), set by signing in on /login. State-changing requests with it must send `Origin` equal to the app's own origin.",
  },
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description:
      "Personal API token: `Authorization: Bearer <token>`, created on the settings page; it carries a role at most its creator's. No Origin check.",
  },
  metricsToken: {
    type: "http",
    scheme: "bearer",
    description: "The server's `METRICS_TOKEN`, only for GET /api/metrics and only when the server sets one.",
  },
} as const;

function securityOf(access: Access): Record<string, string[]>[] {
  if (access === "public") return [];
  // `{}`: anonymous scrapes are fine when the server sets no METRICS_TOKEN.
  if (access === "metricsToken") return [{ metricsToken: [] }, {}];
  return [{ sessionCookie: [] }, { bearerAuth: [] }];
}

const ref = (name: string) => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` });

/** Collects `name → schema`, refusing one name for two schemas. */
function addNamed(into: Map<string, z.ZodType>, name: string, schema: z.ZodType): void {
  const known = into.get(name);
  if (known && known !== schema)
    throw new Error(`Two different schemas are named ${name} in the API document`);
  into.set(name, schema);
}

function jsonContent(content: JsonContent) {
  const examples =
    content.examples &&
    Object.fromEntries(
      Object.entries(content.examples).map(([k, e]) => [k, { summary: e.summary, value: e.value }]),
    );
  return { "application/json": { schema: ref(content.name), ...(examples && { examples }) } };
}

/** Each property of an object schema as one parameter. */
function parametersOf(schema: z.ZodType | undefined, where: "path" | "query", notes: Record<string, string>) {
  if (!schema) return [];
  const json = toJsonSchema(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  if (json.type !== "object")
    throw new Error(`A ${where} schema must be an object, one property per parameter`);
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, propertySchema]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    ...(notes[name] && { description: notes[name] }),
    schema: propertySchema,
  }));
}

function operationObject(op: Operation, errorNames: Map<number, string>) {
  const notes = op.notes ?? {};
  const parameters = [
    ...parametersOf(op.params, "path", notes),
    ...parametersOf(op.query, "query", notes),
    ...Object.entries(op.headers ?? {}).map(([name, h]) => ({
      name,
      in: "header",
      required: !h.schema.safeParse(undefined).success,
      description: h.description,
      schema: toJsonSchema(h.schema, "input"),
    })),
  ];
  const guarded = op.access !== "public" && op.access !== "metricsToken";
  const errorStatuses = [
    ...new Set([...(guarded ? GUARD_ERRORS : []), ...(op.body ? BODY_ERRORS : []), ...(op.errors ?? [])]),
  ].sort();
  const responses: Record<string, unknown> = {};
  for (const r of op.responses) {
    const content = r.json
      ? jsonContent(r.json)
      : r.other && { [r.other.mediaType]: { schema: { type: "string", description: r.other.description } } };
    responses[String(r.status)] = { description: r.description, ...(content && { content }) };
  }
  for (const status of errorStatuses) {
    const name = errorNames.get(status);
    if (!name) throw new Error(`${op.id}: no error response for HTTP ${status}`);
    responses[String(status)] = { $ref: `#/components/responses/${name}` };
  }
  const roleLine = guarded ? `Needs the ${op.access} role (or higher).` : undefined;
  const limitLine = op.body?.maxBytes
    ? `The body may have up to ${op.body.maxBytes.toLocaleString("en-US")} bytes.`
    : undefined;
  const description = [op.description, roleLine, limitLine].filter(Boolean).join("\n\n");
  return {
    operationId: op.id,
    summary: op.summary,
    ...(description && { description }),
    tags: [op.tag],
    security: securityOf(op.access),
    ...(guarded && { [ROLE_EXTENSION]: op.access }),
    ...(parameters.length > 0 && { parameters }),
    ...(op.body && { requestBody: { required: true, content: jsonContent(op.body) } }),
    responses,
  };
}

export type OpenApiDocument = ReturnType<typeof createDocument>;

function createDocument(operations: readonly Operation[]) {
  const inputs = new Map<string, z.ZodType>();
  const outputs = new Map<string, z.ZodType>(SHARED_OUTPUT_SCHEMAS);
  for (const op of operations) {
    if (op.body) addNamed(inputs, op.body.name, op.body.schema);
    for (const r of op.responses) if (r.json) addNamed(outputs, r.json.name, r.json.schema);
  }
  const both = [...inputs.keys()].filter((name) => outputs.has(name));
  if (both.length > 0) throw new Error(`Request and answer schemas share the names ${both.join(", ")}`);

  const errors = errorResponses();
  const errorNames = new Map(errors.map((e) => [e.status, e.name]));
  const paths: Record<string, Record<string, unknown>> = {};
  const ids = new Set<string>();
  for (const op of operations) {
    if (ids.has(op.id)) throw new Error(`Two operations have the ID ${op.id}`);
    ids.add(op.id);
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is listed twice`);
    item[op.method] = operationObject(op, errorNames);
  }

  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: "SWR Sync API",
      version: packageJson.version,
      description:
        "The JSON API of SWR Sync, which copies container images between Huawei Cloud SWR regions. Every guarded route accepts the dashboard's session cookie or a personal API token and checks the role: viewer < operator < admin. Errors answer `{ error: { code, message, fields? } }`. Sign-in itself (/api/auth/*) is next-auth's and not described here.",
    },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { ...toComponentSchemas(inputs, "input"), ...toComponentSchemas(outputs, "output") },
      responses: Object.fromEntries(
        errors.map((e) => [
          e.name,
          {
            description: `${e.description} Codes: ${e.codes.join(", ")}.`,
            content: { "application/json": { schema: ref("Error"), example: e.example } },
          },
        ]),
      ),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

let built: OpenApiDocument | undefined;

/** The document of OPERATIONS (built once: it depends on nothing but the code). */
export function openApiDocument(): OpenApiDocument {
  return (built ??= createDocument(OPERATIONS));
}

export { createDocument as createOpenApiDocument };
