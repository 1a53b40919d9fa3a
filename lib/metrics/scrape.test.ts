import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { parseEnv } from "@/lib/env";
import { emptyTally } from "./db-writes";
import { createMetricsRegistry } from "./registry";
import { scrapeResponse } from "./scrape";

const TOKEN = "scrape-token-0123456789";

function tallyWithWrites() {
  const tally = emptyTally();
  tally.seen.add("sqlite");
  tally.rows.sqlite.insert = 3;
  tally.rows.sqlite.update = 5;
  tally.transactions.sqlite.explicit = 2;
  tally.transactions.sqlite.autocommit = 1;
  return tally;
}

const get = (authorization?: string) =>
  new Request("http://127.0.0.1/api/metrics", { headers: authorization ? { authorization } : {} });

describe("GET /api/metrics", () => {
  it.each([
    ["no Authorization header", undefined],
    ["a wrong token", `Bearer ${TOKEN}x`],
    ["another scheme", `Basic ${TOKEN}`],
    ["an empty bearer", "Bearer "],
  ])("answers 401 in the app's error shape for %s", async (_, authorization) => {
    const res = await scrapeResponse(get(authorization), TOKEN, createMetricsRegistry(emptyTally(), null));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    expect(await res.json()).toEqual({
      error: {
        code: "unauthenticated",
        key: "errors.auth.metricsToken",
        message: "Metrics need the scrape token: send Authorization: Bearer <METRICS_TOKEN>.",
      },
    });
  });

  it.each([
    ["the token", TOKEN, `Bearer ${TOKEN}`],
    ["no token configured", undefined, undefined],
  ])("answers Prometheus text with %s", async (_, token, authorization) => {
    const res = await scrapeResponse(get(authorization), token, createMetricsRegistry(tallyWithWrites(), null));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain('swr_sync_db_rows_written_total{db="sqlite",op="insert"} 3');
    expect(text).toContain('swr_sync_db_rows_written_total{db="sqlite",op="update"} 5');
    expect(text).toContain('swr_sync_db_rows_written_total{db="sqlite",op="delete"} 0');
    expect(text).toContain('swr_sync_db_transactions_total{db="sqlite",kind="explicit"} 2');
    expect(text).toContain('swr_sync_db_transactions_total{db="sqlite",kind="autocommit"} 1');
    expect(text).not.toContain('db="postgres"');
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it("follows the tally between scrapes", async () => {
    const tally = tallyWithWrites();
    const registry = createMetricsRegistry(tally, null);
    await scrapeResponse(get(), undefined, registry);
    tally.rows.sqlite.insert += 4;
    expect(await (await scrapeResponse(get(), undefined, registry)).text()).toContain(
      'swr_sync_db_rows_written_total{db="sqlite",op="insert"} 7',
    );
  });
});

describe("job gauges", () => {
  it.each([
    ["cannot connect", () => { throw new Error("no database"); }],
    ["refuses the query", () => ({ syncJob: { groupBy: () => Promise.reject(new Error("down")), aggregate: () => Promise.reject(new Error("down")) } }) as unknown as Db],
  ])("are left out of the scrape, which still answers, when the database %s", async (_, db) => {
    const res = await scrapeResponse(get(), undefined, createMetricsRegistry(tallyWithWrites(), db));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("# TYPE swr_sync_jobs gauge");
    expect(text).not.toMatch(/^swr_sync_(jobs|tasks|engine_lag_seconds)[{ ]/m);
    expect(text).toContain('swr_sync_db_rows_written_total{db="sqlite",op="insert"} 3');
  });
});

describe("METRICS_TOKEN", () => {
  const base = { SWR_AK: "ak", SWR_SK: "sk" };
  it.each([
    [undefined, undefined],
    ["", undefined],
    [TOKEN, TOKEN],
  ])("%j is read as %j", (value, expected) => {
    expect(parseEnv({ ...base, METRICS_TOKEN: value }).METRICS_TOKEN).toBe(expected);
  });
  it("refuses a token under 16 characters", () => {
    expect(() => parseEnv({ ...base, METRICS_TOKEN: "short" })).toThrow(
      "METRICS_TOKEN: must be at least 16 characters",
    );
  });
});
