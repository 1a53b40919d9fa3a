import { z } from "zod";
import { roleSchema } from "@/lib/auth/role-schema";
import type { Role } from "@/lib/auth/roles";
import { ROLE_EXTENSION, type OpenApiDocument } from "./document";
import { SCHEMA_REF_PREFIX, type JsonSchema } from "./json-schema";

// The document as the reference page shows it: operations grouped by tag, error answers resolved, named schemas listed.
// Read back from the document itself (parsed, not cast), so the page shows exactly what GET /api/openapi.json sends.

const jsonSchema = z.record(z.string(), z.unknown());
const examplesSchema = z.record(z.string(), z.object({ summary: z.string().optional(), value: z.unknown() }));
const mediaSchema = z.object({
  schema: jsonSchema.optional(),
  examples: examplesSchema.optional(),
  example: z.unknown().optional(),
});
const responseSchema = z.object({
  description: z.string(),
  content: z.record(z.string(), mediaSchema).optional(),
});

const operationSchema = z.object({
  operationId: z.string(),
  summary: z.string(),
  description: z.string().optional(),
  tags: z.array(z.string()).min(1),
  security: z.array(z.record(z.string(), z.array(z.string()))),
  [ROLE_EXTENSION]: roleSchema.optional(),
  parameters: z
    .array(
      z.object({
        name: z.string(),
        in: z.string(),
        required: z.boolean(),
        description: z.string().optional(),
        schema: jsonSchema,
      }),
    )
    .default([]),
  requestBody: z.object({ content: z.record(z.string(), mediaSchema) }).optional(),
  responses: z.record(z.string(), z.union([z.object({ $ref: z.string() }), responseSchema])),
});

const documentSchema = z.object({
  tags: z.array(z.object({ name: z.string(), description: z.string() })),
  paths: z.record(z.string(), z.record(z.string(), operationSchema)),
  components: z.object({
    schemas: z.record(z.string(), jsonSchema),
    responses: z.record(z.string(), responseSchema),
    securitySchemes: z.record(z.string(), z.object({ description: z.string() })),
  }),
});

export type Access = { kind: "role"; role: Role } | { kind: "public" } | { kind: "metricsToken" };

export interface ReferenceExample {
  name: string;
  summary?: string;
  value: unknown;
}

export interface ReferenceContent {
  mediaType: string;
  schema?: JsonSchema;
  examples: ReferenceExample[];
}

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  access: Access;
  parameters: z.output<typeof operationSchema>["parameters"];
  requestBody?: ReferenceContent;
  /** `shared`: the name of an error answer of `components.responses`. */
  responses: { status: string; description: string; content?: ReferenceContent; shared?: string }[];
}

export interface ApiReference {
  /** The shared error answers, by name. */
  errors: { name: string; description: string; content?: ReferenceContent }[];
  tags: { name: string; description: string; operations: ReferenceOperation[] }[];
  schemas: { name: string; schema: JsonSchema }[];
  securitySchemes: { name: string; description: string }[];
}

/** The name of a `#/components/schemas/…` reference, or null. */
export function schemaRefName(schema: JsonSchema): string | null {
  const ref = schema.$ref;
  return typeof ref === "string" && ref.startsWith(SCHEMA_REF_PREFIX)
    ? ref.slice(SCHEMA_REF_PREFIX.length)
    : null;
}

function contentOf(
  content: Record<string, z.output<typeof mediaSchema>> | undefined,
): ReferenceContent | undefined {
  const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
  if (!mediaType || !media) return undefined;
  const examples = Object.entries(media.examples ?? {}).map(([name, e]) => ({
    name,
    summary: e.summary,
    value: e.value,
  }));
  if (media.example !== undefined)
    examples.push({ name: "example", summary: undefined, value: media.example });
  return { mediaType, schema: media.schema, examples };
}

function accessOf(op: z.output<typeof operationSchema>): Access {
  const role = op[ROLE_EXTENSION];
  if (role) return { kind: "role", role };
  return op.security.some((s) => "metricsToken" in s) ? { kind: "metricsToken" } : { kind: "public" };
}

export function apiReference(document: OpenApiDocument): ApiReference {
  const doc = documentSchema.parse(document);
  const operations: (ReferenceOperation & { tag: string })[] = Object.entries(doc.paths).flatMap(
    ([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        id: op.operationId,
        tag: op.tags[0]!,
        method: method.toUpperCase(),
        path,
        summary: op.summary,
        description: op.description,
        access: accessOf(op),
        parameters: op.parameters,
        requestBody: contentOf(op.requestBody?.content),
        responses: Object.entries(op.responses).map(([status, r]) => {
          if (!("$ref" in r)) return { status, description: r.description, content: contentOf(r.content) };
          const name = r.$ref.split("/").pop()!;
          const shared = doc.components.responses[name];
          if (!shared) throw new Error(`${op.operationId}: ${status} refers to a missing response`);
          // A shared error answer: shown once, under the error answers, and named here.
          return {
            status,
            description: shared.description,
            content: contentOf(shared.content),
            shared: name,
          };
        }),
      })),
  );
  return {
    errors: Object.entries(doc.components.responses).map(([name, r]) => ({
      name,
      description: r.description,
      content: contentOf(r.content),
    })),
    tags: doc.tags
      .map((t) => ({ ...t, operations: operations.filter((op) => op.tag === t.name) }))
      .filter((t) => t.operations.length > 0),
    schemas: Object.entries(doc.components.schemas)
      .map(([name, schema]) => ({ name, schema }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    securitySchemes: Object.entries(doc.components.securitySchemes).map(([name, s]) => ({
      name,
      description: s.description,
    })),
  };
}
