// Generators of bad requests for the API fuzz test: every kind the hardening issue lists, seeded so a run replays.
import fc from "fast-check";
import type { HttpMethod, RawRequest } from "./http-pipeline";

const TEN_MB = 10 * 1024 * 1024;
const APP_ORIGIN = "http://localhost:3000";
const NEXT_AUTH_ACTIONS = ["session", "csrf", "providers", "signin", "signin/credentials", "callback/credentials", "signout", "error", "_log", "verify-request", "x"];
const QUERY_KEYS = [
  "status", "sourceRegion", "targetRegion", "namespace", "repository", "user", "from", "to", "cursor", "limit", "since",
  "q", "offset", "region", "source", "page", "pageSize", "sort", "order", "tag", "action", "outcome", "callbackUrl", "error",
];
const BODY_KEYS = [
  "sourceRegion", "sourceNamespace", "sourceRepository", "targetRegion", "targetNamespace", "tags", "tagSelector",
  "override", "role", "disabled", "email", "password", "name", "callbackUrl", "csrfToken", "__proto__", "constructor",
];

const cursorOf = (at: string, id = "x") => Buffer.from(JSON.stringify({ at, id })).toString("base64url");

/** Raw (already escaped, possibly malformed) URL components. */
export const MALFORMED_ESCAPES = ["%", "%zz", "%ED%A0%80", "%C0%AF", "%FF", "%E2%82", "a%00b", "%00", "%1F", "%7F", "%25%", "%%", "%u0041", "%F4%90%80%80"];
const TRAVERSALS = ["..", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f", "....//", "..\\..\\windows", "/etc/passwd"];
const EXTREME_DATES = [
  "0000-01-01", "0000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "10000-01-01",
  "9999-12-31", "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+01:00", "1970-02-31", "2024-13-01", "2024-05-01T25:00:00Z",
];
export const BAD_CALLBACK_URLS = [
  "x", "javascript:alert(1)", "http://a:b", "//evil.example", "/\\evil.example", "https://evil.example/", "data:text/html,x",
  "\u0000", "/ok\u0000", "http://[::1", "http://localhost:3000/jobs", "/jobs?x=%zz", "%", " ", "/".repeat(3000),
];

/** Strings that break rules: NUL and other controls, lone surrogates, huge, unicode, dates, numbers, traversal. */
export const badString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("\u0000", "a\u0000b", "\u0001\u001f", "\ud800", "x\udc00y", "\u202e", "\ufeff", "😀".repeat(100)),
  fc.constantFrom(...EXTREME_DATES, ...TRAVERSALS, ...BAD_CALLBACK_URLS),
  fc.constantFrom("", " ", "null", "undefined", "NaN", "1e309", "-1", "0", "9".repeat(400), "true", "[]", "{}"),
  fc.constantFrom(cursorOf("0000-01-01T00:00:00Z"), cursorOf("2024-01-01T00:00:00Z", "a\u0000b"), "!!!"),
  fc.nat({ max: 5 }).map((n) => "a".repeat([64, 65, 129, 255, 1025, 100_000][n]!)),
);

/** JSON values that are not what any field wants: nulls, wrong types, nested junk. */
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: badString },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1e308, 3.5, Number.MAX_SAFE_INTEGER + 2) },
  { weight: 2, arbitrary: fc.array(badString, { maxLength: 5 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  // More tags than a job may hold (half a megabyte of JSON): rare, so the run stays lean.
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 60_000 }, (_, i) => `t${i}`)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((d) => JSON.parse("[".repeat(d * 1000) + "]".repeat(d * 1000)) as unknown) },
);

// Bodies are made when sent, so hundreds of generated cases do not hold megabytes of JSON at once.
const jsonBody: fc.Arbitrary<() => string> = fc.oneof(
  fc.dictionary(fc.constantFrom(...BODY_KEYS), junkValue, { maxKeys: 6 }).map((o) => () => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => () => JSON.stringify(v)),
  fc.constantFrom("", "{", "nul", '{"a":1}}', "\u0000", '{"tags":["\\u0000"]}', '{"sourceNamespace":"\\ud800"}', "[".repeat(5000)).map((t) => () => t),
);

const formBody: fc.Arbitrary<() => string> = fc
  .record({ callbackUrl: fc.oneof(fc.constantFrom(...BAD_CALLBACK_URLS), badString), csrfToken: badString, email: badString, password: badString, json: fc.constantFrom("true", "false") })
  .map((r) => () => new URLSearchParams(r).toString());

const escape = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80"; // a lone surrogate cannot be escaped: send the bytes a client would
  }
};
const rawComponent: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: badString.map(escape) },
  { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_ESCAPES) },
  { weight: 1, arbitrary: fc.constantFrom(...TRAVERSALS) },
);
const rawQuery: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), rawComponent), rawComponent), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));

const cookies: fc.Arbitrary<string | undefined> = fc.option(
  fc.tuple(fc.constantFrom("next-auth.callback-url", "__Secure-next-auth.callback-url", "next-auth.session-token", "next-auth.csrf-token"), fc.oneof(fc.constantFrom(...BAD_CALLBACK_URLS.map(escape)), rawComponent))
    .map(([name, value]) => `${name}=${value}`),
);

/** Requests for one route × method: dynamic segments and catch-alls replaced by bad values, bad query, body, cookies. */
export function badRequests(pattern: string, method: HttpMethod): fc.Arbitrary<RawRequest> {
  const nextAuth = pattern.includes("[...nextauth]");
  const segments = pattern.split("/").map((s) =>
    /^\[\.\.\./.test(s) ? fc.oneof(fc.constantFrom(...NEXT_AUTH_ACTIONS), rawComponent) : /^\[/.test(s) ? rawComponent : fc.constant(s),
  );
  const mutating = method !== "GET";
  return fc
    .record({
      path: fc.tuple(...segments).map((parts) => parts.join("/")),
      query: fc.oneof(rawQuery, nextAuth ? fc.constantFrom(...BAD_CALLBACK_URLS).map((u) => `callbackUrl=${escape(u)}`) : rawQuery),
      body: mutating ? fc.tuple(nextAuth ? fc.oneof(formBody, jsonBody) : jsonBody, fc.boolean()) : fc.constant(undefined),
      contentType: fc.constantFrom("application/json", "application/json", "application/x-www-form-urlencoded", "text/plain", "application/json; charset=utf-8"),
      origin: fc.constantFrom(APP_ORIGIN, APP_ORIGIN, APP_ORIGIN, "https://evil.example", "null"),
      cookie: cookies,
    })
    .map(({ path, query, body, contentType, origin, cookie }) => ({
      method,
      target: query ? `${path}?${query}` : path,
      headers: {
        origin,
        // Mostly the content type the route expects, so bodies reach its parser.
        ...(body !== undefined && { "content-type": body[1] ? (nextAuth ? "application/x-www-form-urlencoded" : "application/json") : contentType }),
        ...(cookie && { cookie }),
      },
      body: body?.[0],
    }));
}

const tenMegabytes = "x".repeat(TEN_MB);

/** A few 10 MB bodies: declared in Content-Length (refused at once) and streamed without one (cut off while read). */
export function hugeBodies(path: string, method: HttpMethod): RawRequest[] {
  const headers = { origin: APP_ORIGIN, "content-type": "application/json" };
  const chunk = new TextEncoder().encode(tenMegabytes.slice(0, 64 * 1024));
  const stream = () =>
    new ReadableStream<Uint8Array>({
      start() {
        this.sent = 0;
      },
      pull(controller) {
        if (this.sent >= TEN_MB) return controller.close();
        this.sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
      sent: 0,
    } as UnderlyingDefaultSource<Uint8Array> & { sent: number });
  return [
    { method, target: path, headers: { ...headers, "content-length": String(TEN_MB) }, body: () => tenMegabytes },
    { method, target: path, headers, body: stream },
    { method, target: path, headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: stream },
  ];
}
