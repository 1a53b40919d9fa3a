import type { z } from "zod";
import { type Message, type MessageParam, msg } from "@/i18n/message";

// zod's issues as messages of the catalogs (`errors.validation.*`), for the server's answers and the browser's forms alike.
// A schema names its own message by giving a catalog key as the issue's message (`{ message: "jobErrors.pickTags" }`),
// with parameters from the issue (minimum, maximum, …) and a custom issue's `params`; any other message (zod's own
// English) gives way to the catalog's message for the issue's code.

type Issue = z.core.$ZodIssue;

/** A catalog key of server messages: `errors.*` or a feature's `<feature>Errors.*`. */
const KEY = /^(?:errors|[a-z]\w*Errors)\.[\w.]+$/;
const TYPES = new Set(["string", "number", "boolean", "array", "object", "date", "bigint"]);
const ORIGINS = new Set(["string", "array", "number", "set", "date", "file", "bigint"]);
const FORMATS = new Set(["email", "url", "uuid", "datetime", "date", "regex", "ipv4", "ipv6", "base64", "json_string"]);

function plainParams(values: Record<string, unknown> | undefined): Record<string, MessageParam> {
  const out: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (typeof value === "string" || typeof value === "number") out[name] = value;
    else if (typeof value === "bigint") out[name] = Number(value);
    else if (value instanceof Date) out[name] = value.toISOString();
    // Lists of names (not an invalid union's nested issues, which say nothing to a person).
    else if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) out[name] = value.join(", ");
    else if (value && typeof value === "object" && typeof (value as { key?: unknown }).key === "string") out[name] = value as Message;
  }
  return out;
}

/** A limit as a parameter: `date` for dates (an ISO string), else the number as `name`. */
const limit = (name: string, value: number | bigint | Date): Record<string, MessageParam> =>
  value instanceof Date ? { date: value.toISOString() } : { [name]: Number(value) };

/** The catalog message for one zod issue. */
export function issueMessage(issue: Issue): Message {
  if (KEY.test(issue.message)) {
    const { code: _c, path: _p, message: _m, input: _i, params, ...rest } = issue as Issue & { params?: Record<string, unknown> };
    return msg(issue.message, { ...plainParams(rest), ...plainParams(params) });
  }
  switch (issue.code) {
    case "invalid_type":
      if (/received undefined$/.test(issue.message)) return msg("errors.validation.required");
      // `.int()` refuses 1.5 as a type: "a whole number", the same words as a bigint's.
      if (issue.expected === "int") return msg("errors.validation.type_bigint");
      return msg(`errors.validation.type_${TYPES.has(issue.expected) ? issue.expected : "other"}`);
    case "too_small": {
      const origin = ORIGINS.has(issue.origin) ? issue.origin : "other";
      return msg(`errors.validation.tooSmall_${origin}${issue.inclusive === false ? "_exclusive" : ""}`, limit("minimum", issue.minimum));
    }
    case "too_big": {
      const origin = ORIGINS.has(issue.origin) ? issue.origin : "other";
      return msg(`errors.validation.tooBig_${origin}${issue.inclusive === false ? "_exclusive" : ""}`, limit("maximum", issue.maximum));
    }
    case "invalid_format":
      return msg(`errors.validation.format_${FORMATS.has(issue.format) ? issue.format : "other"}`);
    case "not_multiple_of":
      return msg("errors.validation.multipleOf", limit("divisor", issue.divisor));
    case "unrecognized_keys":
      return msg("errors.validation.unknownFields", { fields: issue.keys.join(", ") });
    case "invalid_value":
      return msg("errors.validation.oneOf", { values: issue.values.map(String).join(", ") });
    case "invalid_union":
      return msg("errors.validation.noForm");
    case "invalid_key":
    case "invalid_element":
      return msg("errors.validation.invalid");
    case "custom":
      return msg("errors.validation.invalid");
  }
}

export type FieldMessages = Record<string, Message[]>;

/** Issues of a union that matched none of its forms: those of the form the input is closest to (fewest top-level fields missing or of the wrong type). */
function closestForm(issue: Extract<Issue, { code: "invalid_union" }>): Issue[] {
  const misfit = (issues: Issue[]) => issues.filter((i) => i.code === "invalid_type" && i.path.length === 1).length;
  const forms = issue.errors.filter((e) => e.length > 0);
  if (forms.length === 0) return [issue];
  const best = forms.reduce((a, b) => (misfit(b) < misfit(a) || (misfit(b) === misfit(a) && b.length < a.length) ? b : a));
  return best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
}

/** Messages per field, keyed by dotted path (`tags`, `tagSelector.pattern`; `_` for the whole input), from a zod error. */
export function zodFieldMessages(error: { issues: readonly Issue[] }): FieldMessages {
  const fields: FieldMessages = {};
  const add = (issue: Issue) => {
    if (issue.code === "invalid_union" && issue.errors.length > 0 && issue.path.length === 0) {
      for (const i of closestForm(issue)) add(i);
      return;
    }
    const key = issue.path.map(String).join(".") || "_";
    (fields[key] ??= []).push(issueMessage(issue));
  };
  for (const issue of error.issues) add(issue);
  return fields;
}

/** A custom issue (for `ctx.addIssue`) carrying a catalog message: its key as the issue's message, its parameters as the issue's. */
export function customIssue(m: Message, path?: PropertyKey[]): { code: "custom"; message: string; params?: Record<string, MessageParam>; path?: PropertyKey[] } {
  return { code: "custom", message: m.key, ...(m.params ? { params: { ...m.params } } : {}), ...(path ? { path } : {}) };
}
