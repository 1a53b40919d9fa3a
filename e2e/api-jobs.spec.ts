import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiClient, sameOrigin } from "./api-session";
import { SIM_URL } from "./support";

// The jobs API over real HTTP against the running app and simulator.

const good = {
  sourceRegion: "cn-north-4",
  sourceNamespace: "team-a",
  sourceRepository: "redis",
  targetRegion: "cn-south-1",
  targetNamespace: "team-a",
  tags: ["7.2.4", "latest"],
  override: false,
};

let baseURL: string;
const clients: Partial<Record<"anonymous" | "viewer" | "operator", APIRequestContext>> = {};

async function client(role: "anonymous" | "viewer" | "operator"): Promise<APIRequestContext> {
  return (clients[role] ??= await apiClient(baseURL, role === "anonymous" ? null : role));
}

/** How many jobs exist, from the overview counts. */
async function jobCount(): Promise<number> {
  const res = await (await client("viewer")).get("/api/jobs/stats");
  expect(res.status()).toBe(200);
  const { counts } = (await res.json()) as { counts: Record<string, number> };
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

test.beforeAll(({ baseURL: url }) => {
  baseURL = url ?? "http://127.0.0.1:3100";
});

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
});

test.afterAll(async () => {
  await Promise.all(Object.values(clients).map((c) => c.dispose()));
});

test.describe("POST /api/jobs is refused before anything is written", () => {
  const cases: [
    string,
    "anonymous" | "viewer" | "operator",
    Record<string, string>,
    string | object,
    number,
    string,
  ][] = [
    ["anonymous", "anonymous", {}, good, 401, "unauthenticated"],
    ["a viewer", "viewer", {}, good, 403, "forbidden"],
    ["another origin", "operator", { origin: "https://evil.example.com" }, good, 403, "forbidden"],
    [
      "a form body",
      "operator",
      { "content-type": "application/x-www-form-urlencoded" },
      "tags=latest",
      415,
      "unsupported_media_type",
    ],
    ["malformed JSON", "operator", { "content-type": "application/json" }, "{", 400, "bad_request"],
  ];
  for (const [name, role, headers, body, status, code] of cases) {
    test(`${name} ⇒ ${status}`, async () => {
      const before = await jobCount();
      const res = await (
        await client(role)
      ).post("/api/jobs", {
        headers: sameOrigin(baseURL, headers),
        // A string goes out byte for byte; Playwright would JSON-encode it.
        data: typeof body === "string" ? Buffer.from(body) : body,
      });
      expect(res.status()).toBe(status);
      expect(await res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
      expect(await jobCount()).toBe(before);
    });
  }
});

test.describe("POST /api/jobs answers 400 with field messages for bad bodies", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["empty tags", { tags: [] }, "tags", /at least one tag/],
    [
      "50,001 tags",
      { tags: Array.from({ length: 50_001 }, (_, i) => `t-${i}`) },
      "tags",
      /at most 50,000 tags/,
    ],
    ["tags and a selector", { tagSelector: { all: true } }, "tags", /either tags/],
    ["a selector of the wrong shape", { tags: undefined, tagSelector: { every: true } }, "tagSelector", /"all": true/],
    ["a pattern with a space", { tags: undefined, tagSelector: { pattern: "v1 *" } }, "tagSelector.pattern", /glob characters/],
    ["a bad tag name", { tags: ["-nope"] }, "tags", /Not valid tag names/],
    ["a bad namespace", { sourceNamespace: "Team A" }, "sourceNamespace", /lowercase/],
    ["a bad repository", { sourceRepository: "Redis!" }, "sourceRepository", /lowercase/],
    ["an unknown region", { targetRegion: "xx-nowhere-9" }, "targetRegion", /not a region this app knows/],
    ["the source region as target", { targetRegion: "cn-north-4" }, "targetRegion", /Must differ/],
    ["tags of the wrong type", { tags: "latest" }, "tags", /Must be a list/],
    ["override of the wrong type", { override: "no" }, "override", /true or false/],
  ];
  for (const [name, change, field, message] of cases) {
    test(name, async () => {
      const before = await jobCount();
      const res = await (
        await client("operator")
      ).post("/api/jobs", { headers: sameOrigin(baseURL), data: { ...good, ...change } });
      expect(res.status()).toBe(400);
      const body = (await res.json()) as { error: { code: string; fields: Record<string, string[]> } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.fields[field]?.join(" ")).toMatch(message);
      expect(await jobCount()).toBe(before);
    });
  }
});

test("a good request answers 201 and the job is readable, in the list and the export", async () => {
  const operator = await client("operator");
  const res = await operator.post("/api/jobs", { headers: sameOrigin(baseURL), data: good });
  expect(res.status()).toBe(201);
  const { job } = (await res.json()) as { job: { id: string; version: string; counts: { total: number } } };
  expect(job.counts.total).toBe(2);
  // The job answer carries no tasks; they are paged by tag.
  expect(job).not.toHaveProperty("tasks");
  const tasks = await operator.get(`/api/jobs/${job.id}/tasks?limit=1`);
  expect(await tasks.json()).toMatchObject({ items: [{ tag: "7.2.4" }], total: 2, offset: 0, limit: 1 });

  const viewer = await client("viewer");
  const read = await viewer.get(`/api/jobs/${job.id}`);
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({
    job: { id: job.id, sourceRepository: "redis", createdBy: { email: "operator@example.com" } },
  });
  const list = (await (await viewer.get("/api/jobs?repository=redis&limit=5")).json()) as {
    items: { id: string }[];
  };
  expect(list.items[0]?.id).toBe(job.id);
  const csv = await viewer.get("/api/jobs/export.csv?repository=redis");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(
    /^attachment; filename="sync-jobs-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  expect(await csv.text()).toContain(job.id);
});

test("missing tags are refused with 422 naming them", async () => {
  const before = await jobCount();
  const res = await (
    await client("operator")
  ).post("/api/jobs", { headers: sameOrigin(baseURL), data: { ...good, tags: ["latest", "0.0.0-nope"] } });
  expect(res.status()).toBe(422);
  expect(await res.json()).toMatchObject({
    error: {
      code: "unprocessable",
      fields: { tags: [expect.stringContaining("0.0.0-nope")] },
      fieldMessages: { tags: [{ key: "jobErrors.tagsMissing", params: expect.objectContaining({ count: 1 }) }] },
    },
  });
  expect(await jobCount()).toBe(before);
});

test("the same Idempotency-Key replays the job; with another body it is refused", async () => {
  const operator = await client("operator");
  const headers = sameOrigin(baseURL, {
    "Idempotency-Key": `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  });
  const first = await operator.post("/api/jobs", { headers, data: good });
  const again = await operator.post("/api/jobs", {
    headers,
    data: { ...good, tags: [...good.tags].reverse() },
  });
  expect([first.status(), again.status()]).toEqual([201, 200]);
  const id = ((await first.json()) as { job: { id: string } }).job.id;
  expect(((await again.json()) as { job: { id: string } }).job.id).toBe(id);
  const other = await operator.post("/api/jobs", { headers, data: { ...good, override: true } });
  expect(other.status()).toBe(422);
  expect(await other.json()).toMatchObject({ error: { code: "idempotency_mismatch" } });
});

test("reading a job that does not exist answers 404", async () => {
  const res = await (await client("viewer")).get("/api/jobs/no-such-job");
  expect(res.status()).toBe(404);
  expect(await res.json()).toEqual({
    error: { code: "not_found", key: "jobErrors.notFound", params: { id: "no-such-job" }, message: "There is no sync job with the ID no-such-job." },
  });
});

test("anonymous reads answer 401", async () => {
  const anonymous = await client("anonymous");
  for (const path of ["/api/jobs", "/api/jobs/stats", "/api/jobs/export.csv"]) {
    expect((await anonymous.get(path)).status(), path).toBe(401);
  }
});

test.describe("POST /api/jobs/plan names the tags before anything is started", () => {
  const redis = { ...good, tags: undefined };
  const cases: [string, Record<string, unknown>, number, Record<string, unknown>][] = [
    ["a list", { ...good }, 200, { plan: { count: 2, tags: ["7.2.4", "latest"], truncated: false } }],
    ["a pattern", { ...redis, tagSelector: { pattern: "7.2.*" } }, 200, { plan: { tags: expect.arrayContaining(["7.2.4"]) } }],
    ["every tag", { ...redis, tagSelector: { all: true } }, 200, { plan: { tags: expect.arrayContaining(["7.2.4", "latest"]) } }],
    ["a pattern matching nothing", { ...redis, tagSelector: { pattern: "nope-*" } }, 400, { error: { message: expect.stringContaining("nope-*") } }],
  ];
  for (const [name, data, status, body] of cases) {
    test(name, async () => {
      const before = await jobCount();
      const res = await (await client("operator")).post("/api/jobs/plan", { headers: sameOrigin(baseURL), data });
      expect(res.status()).toBe(status);
      expect(await res.json()).toMatchObject(body);
      expect(await jobCount()).toBe(before);
    });
  }

  test("a viewer may not plan a sync", async () => {
    const res = await (await client("viewer")).post("/api/jobs/plan", { headers: sameOrigin(baseURL), data: good });
    expect(res.status()).toBe(403);
  });
});

test("a job's tasks page by tag with a status filter and a search; limits are checked", async () => {
  const operator = await client("operator");
  const res = await operator.post("/api/jobs", { headers: sameOrigin(baseURL), data: { ...good, tags: undefined, tagSelector: { all: true } } });
  expect(res.status()).toBe(201);
  const { job } = (await res.json()) as { job: { id: string; counts: { total: number } } };
  const page = (await (await operator.get(`/api/jobs/${job.id}/tasks?q=7.2&limit=500`)).json()) as { items: { tag: string }[]; total: number };
  expect(page.items.every((t) => t.tag.includes("7.2"))).toBe(true);
  expect(page.total).toBe(page.items.length);
  const none = (await (await operator.get(`/api/jobs/${job.id}/tasks?status=cancelled`)).json()) as { total: number };
  expect(none.total).toBe(0);
  for (const query of ["limit=501", "status=syncing", "offset=-1"]) {
    expect((await operator.get(`/api/jobs/${job.id}/tasks?${query}`)).status(), query).toBe(400);
  }
  const since = (await (await operator.get(`/api/jobs/${job.id}?since=0`)).json()) as { changes: { tasks: unknown[]; complete: boolean } };
  expect(since.changes.complete).toBe(true);
  expect(since.changes.tasks).toHaveLength(job.counts.total);
});

test("cancel: viewers are refused, and a finished job answers 409", async () => {
  const operator = await client("operator");
  const created = await operator.post("/api/jobs", { headers: sameOrigin(baseURL), data: { ...good, tags: ["latest"] } });
  const { job } = (await created.json()) as { job: { id: string } };
  const cancel = (role: "viewer" | "operator") => client(role).then((c) => c.post(`/api/jobs/${job.id}/cancel`, { headers: sameOrigin(baseURL), data: {} }));
  expect((await cancel("viewer")).status()).toBe(403);
  await expect
    .poll(async () => ((await (await operator.get(`/api/jobs/${job.id}`)).json()) as { job: { live: boolean } }).job.live, { timeout: 45_000 })
    .toBe(false);
  const late = await cancel("operator");
  expect(late.status()).toBe(409);
  expect(await late.json()).toMatchObject({ error: { code: "conflict", message: expect.any(String) } });
});
