import { type z } from "zod";
import { SwrError, type SwrService } from "./errors";
import { type HttpResult } from "./http";

// Parses a response body with its wire schema; a mismatch becomes an SwrError naming the field.

export interface DecodeContext {
  operation: string;
  region: string;
  service?: SwrService;
}

export function decode<S extends z.ZodType>(schema: S, result: Pick<HttpResult, "body" | "requestId">, ctx: DecodeContext): z.output<S> {
  const parsed = schema.safeParse(result.body);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
    .join("; ");
  throw new SwrError({ kind: "invalid_response", ...ctx, requestId: result.requestId, detail });
}
