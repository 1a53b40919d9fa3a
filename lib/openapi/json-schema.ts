import { z } from "zod";

// zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) with zod 4's own converter.
// Requests are described as they are sent (io "input": before transforms, defaults optional); answers as they are built
// (io "output"). Nothing here is "unrepresentable: any": a schema zod cannot express throws, so the test sees it.

export type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

export const SCHEMA_REF_PREFIX = "#/components/schemas/";

/** zod's string formats by their JSON Schema names. */
const JSON_SCHEMA_FORMATS: Record<string, string> = {
  date: "date",
  datetime: "date-time",
  time: "time",
  email: "email",
  url: "uri",
  uuid: "uuid",
};

interface OverrideContext {
  zodSchema: z.core.$ZodTypes;
  jsonSchema: Record<string, unknown>;
}

/**
 * Two touches for a readable document: `z.int()` bounds are JavaScript's safe integers (true of every JSON number, noise
 * in a reference); a string piped into a format (`z.string().max(64).pipe(z.iso.date())`) is described as its input, so
 * the format the pipe then checks is added.
 */
function refine({ zodSchema, jsonSchema }: OverrideContext): void {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  const def = zodSchema._zod.def;
  if (def.type === "pipe" && def.in._zod.def.type === "string" && jsonSchema.type === "string") {
    const format = JSON_SCHEMA_FORMATS[String((def.out._zod.def as { format?: unknown }).format)];
    if (format) jsonSchema.format = format;
  }
}

function withoutDialect({ $schema: _s, $id: _i, ...rest }: JsonSchema): JsonSchema {
  return rest;
}

const options = (io: Io) => ({
  target: "draft-2020-12" as const,
  io,
  unrepresentable: "throw" as const,
  override: refine,
});

/** One schema, inline. */
export function toJsonSchema(schema: z.ZodType, io: Io): JsonSchema {
  return withoutDialect(z.toJSONSchema(schema, options(io)) as JsonSchema);
}

/** Named schemas as `components.schemas`; a named schema inside another becomes a `$ref` to it. */
export function toComponentSchemas(named: Map<string, z.ZodType>, io: Io): Record<string, JsonSchema> {
  if (named.size === 0) return {};
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    ...options(io),
    uri: (id) => `${SCHEMA_REF_PREFIX}${id}`,
  }) as {
    schemas: Record<string, JsonSchema>;
  };
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, withoutDialect(s)]));
}
