import type { z } from "zod";
import { invalidParameter, type SimError } from "./errors";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = Reflect.get(v, key) as unknown;
  }
  return v;
}

const pathText = (path: readonly PropertyKey[]) =>
  path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`)).join("") || "body";

/**
 * Parses a JSON body with a zod schema; the 400 names each offending field and the value received.
 * `fail` builds the error in the shape of the service answering (SWR by default).
 */
export function parseBody<S extends z.ZodType>(schema: S, body: Buffer, fail: (message: string) => SimError = invalidParameter): z.output<S> {
  const text = body.toString("utf8");
  if (text.trim() === "") throw fail("request body is missing; expected a JSON object");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw fail("request body is not valid JSON");
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const got = valueAt(json, issue.path);
    return `${pathText(issue.path)}: ${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`;
  });
  throw fail(`invalid request body: ${problems.join("; ")}`);
}
