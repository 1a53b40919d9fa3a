import { describe, expect, it } from "vitest";
import { forgetIdempotencyKey, IDEMPOTENCY_WINDOW_MS, idempotencyKeyFor, type KeyDeps, type KeyStorage } from "./idempotency-key";
import type { MultiSyncJobRequest, SyncJobRequest } from "./sync-request";
import { NGINX_ROUTE } from "@/test/fixtures";

class MemoryStorage implements KeyStorage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

const body: SyncJobRequest = {
  ...NGINX_ROUTE,
  tags: ["latest", "1.25.3"],
  override: false,
};

function deps(storage: KeyStorage | null = new MemoryStorage()) {
  let clock = 1_000_000;
  let counter = 0;
  const d: KeyDeps & { advance(ms: number): void } = {
    storage,
    now: () => clock,
    randomHex: (bytes) => (++counter).toString(16).padStart(bytes * 2, "0"),
    advance: (ms) => {
      clock += ms;
    },
  };
  return d;
}

describe("idempotencyKeyFor", () => {
  it("gives the same body the same key within the window", () => {
    const d = deps();
    const first = idempotencyKeyFor(body, d);
    d.advance(IDEMPOTENCY_WINDOW_MS - 1);
    expect(idempotencyKeyFor(body, d)).toBe(first);
  });

  it.each([
    ["tag order", { tags: ["1.25.3", "latest"] }],
    ["duplicate tags", { tags: ["latest", "1.25.3", "latest"] }],
    ["spaces around the namespace", { targetNamespace: " team-a " }],
  ])("ignores %s", (_, patch) => {
    const d = deps();
    expect(idempotencyKeyFor({ ...body, ...patch }, d)).toBe(idempotencyKeyFor(body, d));
  });

  it.each([
    ["another tag", { tags: ["latest"] }],
    ["another target region", { targetRegion: "cn-east-3" }],
    ["another target namespace", { targetNamespace: "team-a-backup" }],
    ["override on", { override: true }],
    ["another repository", { sourceRepository: "redis" }],
  ])("gives a different key for %s", (_, patch) => {
    const d = deps();
    expect(idempotencyKeyFor({ ...body, ...patch }, d)).not.toBe(idempotencyKeyFor(body, d));
  });

  it("starts a new key once the window has passed", () => {
    const d = deps();
    const first = idempotencyKeyFor(body, d);
    d.advance(IDEMPOTENCY_WINDOW_MS);
    expect(idempotencyKeyFor(body, d)).not.toBe(first);
  });

  it("is shared by two tabs through the same storage", () => {
    const storage = new MemoryStorage();
    expect(idempotencyKeyFor(body, deps(storage))).toBe(idempotencyKeyFor(body, { ...deps(storage), randomHex: () => "f".repeat(16) }));
  });

  it("is a fresh key after it was forgotten", () => {
    const d = deps();
    const first = idempotencyKeyFor(body, d);
    forgetIdempotencyKey(body, d);
    expect(idempotencyKeyFor(body, d)).not.toBe(first);
  });

  it("ignores a tampered stored entry", () => {
    const storage = new MemoryStorage();
    const d = deps(storage);
    const first = idempotencyKeyFor(body, d);
    const name = storage.key(0) ?? "";
    storage.setItem(name, '{"nonce":"<script>","expiresAt":9e15}');
    expect(idempotencyKeyFor(body, d)).not.toBe(first);
  });

  it("removes expired entries of other bodies", () => {
    const storage = new MemoryStorage();
    const d = deps(storage);
    idempotencyKeyFor({ ...body, tags: ["old"] }, d);
    d.advance(IDEMPOTENCY_WINDOW_MS + 1);
    idempotencyKeyFor(body, d);
    expect(storage.length).toBe(1);
  });

  it("still gives a key of 8–128 safe characters without storage", () => {
    const key = idempotencyKeyFor(body, deps(null));
    expect(key).toMatch(/^[a-z0-9-]{8,128}$/);
  });
});

describe("idempotencyKeyFor a selector", () => {
  const all: SyncJobRequest = { ...NGINX_ROUTE, tagSelector: { all: true }, override: false };
  const pattern: SyncJobRequest = { ...NGINX_ROUTE, tagSelector: { pattern: "1.25.*" }, override: false };

  it("tells every-tag, a pattern and a list apart", () => {
    const d = deps();
    const keys = [all, pattern, body].map((b) => idempotencyKeyFor(b, d));
    expect(new Set(keys).size).toBe(3);
  });

  it("ignores spaces around a pattern", () => {
    const d = deps();
    expect(idempotencyKeyFor({ ...pattern, tagSelector: { pattern: " 1.25.* " } }, d)).toBe(idempotencyKeyFor(pattern, d));
  });
});

describe("idempotencyKeyFor a request over several repositories or targets", () => {
  const multi: MultiSyncJobRequest = {
    source: { region: "cn-north-4", namespace: "team-a" },
    repositories: [{ name: "nginx", tagSelector: { all: true } }, { name: "redis", tagSelector: { all: true } }],
    targets: [
      { region: "cn-east-3", namespace: "team-a" },
      { region: "ap-southeast-1", namespace: "team-a" },
    ],
    override: false,
  };

  it.each([
    ["the order of the targets", { targets: [...multi.targets].reverse() }],
    ["the order of the repositories", { repositories: [...multi.repositories].reverse() }],
  ])("ignores %s", (_, patch) => {
    const d = deps();
    expect(idempotencyKeyFor({ ...multi, ...patch }, d)).toBe(idempotencyKeyFor(multi, d));
  });

  it.each([
    ["a target fewer", { targets: multi.targets.slice(0, 1) }],
    ["a repository fewer", { repositories: multi.repositories.slice(0, 1) }],
    ["another namespace in a target", { targets: [multi.targets[0]!, { region: "ap-southeast-1", namespace: "team-a-backup" }] }],
  ])("gives a different key for %s", (_, patch) => {
    const d = deps();
    expect(idempotencyKeyFor({ ...multi, ...patch }, d)).not.toBe(idempotencyKeyFor(multi, d));
  });

  it("tells the multi form from the one-repository form", () => {
    const d = deps();
    const single: SyncJobRequest = { ...NGINX_ROUTE, targetRegion: "cn-east-3", tagSelector: { all: true }, override: false };
    const oneOfEach: MultiSyncJobRequest = { ...multi, repositories: multi.repositories.slice(0, 1), targets: multi.targets.slice(0, 1) };
    expect(idempotencyKeyFor(oneOfEach, d)).not.toBe(idempotencyKeyFor(single, d));
  });
});
