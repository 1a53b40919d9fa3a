import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { MAX_EXISTING_TAGS_PER_REQUEST } from "@/lib/validation/browse";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { GET } from "./route";

vi.mock("@/lib/auth/session-cookie");

const env = setUpApiTests({ simulator: true });
const { bigRepository: big } = SEED;
const target = { region: big.region, namespace: big.namespace, repository: big.repository };
const name = (n: number) => `build-${String(n).padStart(5, "0")}`;

let viewer: SessionUser;
beforeAll(async () => {
  viewer = await createTestUser("viewer");
});

const get = (ref: Record<string, string>, tags: string[]) => {
  const params = new URLSearchParams(ref);
  for (const tag of tags) params.append("tag", tag);
  return callRoute(GET, `/api/tags/existing?${params}`);
};
const listCalls = async () => (await simAdmin.stats(env.sim)).regions[big.region]?.operations.ListRepositoryTags ?? 0;

describe("GET /api/tags/existing", () => {
  it("answers from one walk of the whole repository: five SWR calls of 1,000 tags for 5,000 tags", async () => {
    actAs(viewer);
    await simAdmin.resetStats(env.sim);
    const tags = [...Array.from({ length: MAX_EXISTING_TAGS_PER_REQUEST - 1 }, (_, i) => name(4802 + i)), "not-there"];
    const { status, body } = await jsonOf(await get(target, tags));
    expect(status).toBe(200);
    const existing = (body as { existing: { tag: string; digest: string }[] }).existing;
    expect(existing.map((e) => e.tag)).toEqual(tags.slice(0, -1));
    expect(existing.every((e) => e.digest.startsWith("sha256:"))).toBe(true);
    expect(await listCalls()).toBe(Math.ceil(big.tagCount / 1000));
  });

  it("holds nothing for a repository the target does not have", async () => {
    actAs(viewer);
    const { status, body } = await jsonOf(await get({ ...target, repository: "no-such-repository" }, ["latest"]));
    expect({ status, body }).toEqual({ status: 200, body: { existing: [] } });
  });

  it("needs a session", async () => {
    actAs(null);
    expect((await get(target, ["latest"])).status).toBe(401);
  });
});
