// The app over HTTP as the dashboard uses it: a next-auth sign-in, the jobs API, and the metrics scrape.
import http from "node:http";
import zlib from "node:zlib";
import { z } from "zod";

const REQUEST_TIMEOUT_MS = 60_000;

/** Only the fields the bench reads; the rest of the answer is ignored. */
const jobAnswerSchema = z.object({
  job: z.object({
    id: z.string(),
    status: z.string(),
    live: z.boolean(),
    version: z.string().optional(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    counts: z.object({ total: z.number(), queued: z.number(), succeeded: z.number(), failed: z.number() }),
  }),
  changes: z.object({ tasks: z.array(z.unknown()), complete: z.boolean() }).optional(),
});
export type JobAnswer = z.infer<typeof jobAnswerSchema>;

/** A one-repository job, or one over several repositories and targets (docs/api.md "Jobs"). */
export type JobRequest =
  | {
      sourceRegion: string;
      sourceNamespace: string;
      sourceRepository: string;
      targetRegion: string;
      targetNamespace: string;
      override: boolean;
      tagSelector: { all: true };
    }
  | {
      source: { region: string; namespace: string };
      repositories: { name: string; tagSelector: { all: true } }[];
      targets: { region: string; namespace: string }[];
      override: boolean;
    };

export class AppClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly metricsToken: string,
  ) {}

  /** The session's cookies as a `Cookie` header, for requests made outside this client. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("Cookie", this.cookieHeader());
    const res = await fetch(new URL(path, this.baseUrl), {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return res;
  }

  private async fail(res: Response, what: string): Promise<never> {
    throw new Error(`${what}: HTTP ${res.status} ${(await res.text()).slice(0, 500)}`);
  }

  /** Signs in through next-auth's credentials endpoint, as the login form does. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.request("/api/auth/csrf");
    if (!csrf.ok) await this.fail(csrf, "GET /api/auth/csrf");
    const { csrfToken } = z.object({ csrfToken: z.string() }).parse(await csrf.json());
    const form = new URLSearchParams({ csrfToken, email, password, json: "true" });
    const signIn = await this.request("/api/auth/callback/credentials", { method: "POST", body: form });
    await signIn.arrayBuffer();
    const session = await this.request("/api/auth/session");
    const body = z.object({ user: z.object({ email: z.string() }).optional() }).parse(await session.json());
    if (body.user?.email !== email) throw new Error(`sign-in as ${email} failed (HTTP ${signIn.status})`);
  }

  /** POST /api/jobs; resolves to the job's ID. */
  async createJob(job: JobRequest): Promise<string> {
    const res = await this.request("/api/jobs", {
      method: "POST",
      headers: { Origin: new URL(this.baseUrl).origin, "Content-Type": "application/json" },
      body: JSON.stringify(job),
    });
    if (res.status !== 201 && res.status !== 200) await this.fail(res, "POST /api/jobs");
    return z.object({ job: z.object({ id: z.string() }) }).parse(await res.json()).job.id;
  }

  /**
   * A GET as a browser sends it (gzip accepted): the body's bytes on the wire, and its decoded text. Plain
   * node:http, because fetch hides the compressed size.
   */
  private wireGet(path: string): Promise<{ status: number; wireBytes: number; text: string }> {
    const url = new URL(path, this.baseUrl);
    const cookie = this.cookieHeader();
    return new Promise((resolve, reject) => {
      const req = http.get(url, { headers: { Cookie: cookie, "Accept-Encoding": "gzip, br" }, timeout: REQUEST_TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const decoded = encoding === "gzip" ? zlib.gunzipSync(raw) : encoding === "br" ? zlib.brotliDecompressSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, wireBytes: raw.length, text: decoded.toString("utf8") });
        });
      });
      req.on("timeout", () => req.destroy(new Error(`GET ${path} timed out`)));
      req.on("error", reject);
    });
  }

  /**
   * GET /api/jobs/{id}[?since=&from=&to=]: the answer, the bytes its body took on the wire (compressed as for a
   * browser) and decoded. `window` narrows the changes to the rows the job page shows.
   */
  async getJob(id: string, since?: string, window: { from?: string; to?: string } = {}): Promise<{ answer: JobAnswer; bytes: number; jsonBytes: number }> {
    const params = new URLSearchParams();
    if (since !== undefined) params.set("since", since);
    if (window.from !== undefined) params.set("from", window.from);
    if (window.to !== undefined) params.set("to", window.to);
    const path = `/api/jobs/${encodeURIComponent(id)}${params.size > 0 ? `?${params}` : ""}`;
    const res = await this.wireGet(path);
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.text.slice(0, 500)}`);
    return { answer: jobAnswerSchema.parse(JSON.parse(res.text)), bytes: res.wireBytes, jsonBytes: Buffer.byteLength(res.text) };
  }

  /** GET /api/jobs/{id}/tasks, the first page the job page shows (100 tasks by tag): its bytes on the wire and its last tag. */
  async firstTaskPage(id: string): Promise<{ bytes: number; lastTag: string | undefined; complete: boolean }> {
    const path = `/api/jobs/${encodeURIComponent(id)}/tasks?offset=0&limit=100`;
    const res = await this.wireGet(path);
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.text.slice(0, 500)}`);
    const page = z.object({ items: z.array(z.object({ tag: z.string() })), total: z.number() }).parse(JSON.parse(res.text));
    return { bytes: res.wireBytes, lastTag: page.items.at(-1)?.tag, complete: page.items.length >= page.total };
  }

  /** GET /api/metrics as `series → value`, e.g. `swr_sync_db_rows_written_total{db="sqlite",op="insert"}`. */
  async metrics(): Promise<Map<string, number>> {
    const res = await this.request("/api/metrics", {
      headers: { Authorization: `Bearer ${this.metricsToken}` },
    });
    if (!res.ok) await this.fail(res, "GET /api/metrics");
    return parsePrometheusText(await res.text());
  }
}

/** Sample lines of the Prometheus text format; comments and malformed lines are skipped. */
export function parsePrometheusText(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?)\s+(\S+)/.exec(line);
    if (match?.[1] && match[2]) samples.set(match[1], Number(match[2]));
  }
  return samples;
}

/** The sum of every series of `name` whose labels include all of `labels`. */
export function sumSeries(
  samples: Map<string, number>,
  name: string,
  labels: Record<string, string> = {},
): number {
  let sum = 0;
  for (const [series, value] of samples) {
    if (series !== name && !series.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([k, v]) => series.includes(`${k}="${v}"`))) sum += value;
  }
  return sum;
}
