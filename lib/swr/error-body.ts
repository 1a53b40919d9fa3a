import { z } from "zod";

// The error body shapes of contract §6.1 (a)–(e), read in the recommended order.

const code = z
  .union([z.string(), z.number()])
  .transform(String)
  .optional()
  .catch(undefined);
const message = z.string().optional().catch(undefined);
const codeAndMessage = z.object({ errorCode: code, errorMessage: message });

const errorObjectSchema = z.object({
  error_code: code,
  error_msg: message,
  errors: z.array(codeAndMessage).optional().catch(undefined),
  errorCode: code,
  errorMessage: message,
  error: z.object({ code, message }).optional().catch(undefined),
  code,
  message,
  request_id: message,
});

export interface SwrErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
}

const first = <T>(...values: (T | undefined)[]) => values.find((v) => v !== undefined && v !== "");

/** Extracts code, message and request ID from any SWR, API-gateway or IAM error body. */
export function parseErrorBody(text: string): SwrErrorBody {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const plain = text.trim();
    // An HTML page from a proxy says nothing a person can act on.
    return plain && !plain.startsWith("<") ? { message: plain.slice(0, 300) } : {};
  }
  const parsed = errorObjectSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  if (!parsed.success) return {};
  const o = parsed.data;
  return {
    code: first(o.error_code, o.errors?.[0]?.errorCode, o.errorCode, o.error?.code, o.code),
    message: first(o.error_msg, o.errors?.[0]?.errorMessage, o.errorMessage, o.error?.message, o.message),
    requestId: o.request_id,
  };
}
