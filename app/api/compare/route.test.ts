import { beforeAll, describe, expect, it, vi } from "vitest";
import type { RepositoryComparisonDto } from "@/lib/compare/dto";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { SEED } from "@/simulator/seed";
import { simAdmin } from "@/simulator/testing";
import { GET as compare } from "./route";
import { GET as scope } from "./repositories/route";

vi.mock("@/lib/auth/session-cookie");

// GET /api/compare and /api/compare/repositories through the real guard, against the SWR simulator over HTTP.

const env = setUpApiTests({ simulator: true });
const expected = SEED.comparison.targets;

beforeAll(async () => {
  actAs(await createTestUser("viewer"));
});

const get = (handler: typeof compare, path: string) => callRoute(handler, path);
const TEAM_A = "region=cn-north-4&namespace=team-a";

describe("GET /api/compare/repositories", () => {
  it("names the repositories of the namespace and the targets with their namespaces filled in", async () => {
    const { status, body } = await jsonOf(await get(scope, `/api/compare/repositories?${TEAM_A}&target=ap-southeast-1&target=cn-east-3/team-a`));
    expect(status).toBe(200);
    expect(body).toEqual({
      source: { region: "cn-north-4", namespace: "team-a" },
      targets: [
        { region: "ap-southeast-1", namespace: "team-a" },
        { region: "cn-east-3", namespace: "team-a" },
      ],
      repositories: ["apps/api", "apps/web", "ci-builds", "nginx", "redis"],
    });
  });

  it.each([
    [
      "an unknown source namespace",
      "region=cn-north-4&namespace=nobody&target=ap-southeast-1",
      { key: "swrErrors.namespaceMissing", params: { namespace: "nobody", region: "cn-north-4" } },
      "Namespace “nobody” does not exist in cn-north-4.",
    ],
    [
      "an unknown repository",
      `${TEAM_A}&repository=nope&target=ap-southeast-1`,
      { key: "swrErrors.repositoryMissing", params: { repository: "team-a/nope", region: "cn-north-4" } },
      "Repository “team-a/nope” does not exist in cn-north-4.",
    ],
    [
      "an unknown target namespace",
      `${TEAM_A}&target=cn-east-3&target=ap-southeast-1/team-b`,
      { key: "swrErrors.namespaceMissing", params: { namespace: "team-b", region: "ap-southeast-1" } },
      "Namespace “team-b” does not exist in ap-southeast-1.",
    ],
  ])("answers 404 naming %s", async (_, query, said, message) => {
    const { status, body } = await jsonOf(await get(scope, `/api/compare/repositories?${query}`));
    expect([status, body]).toEqual([404, { error: { code: "not_found", ...said, message } }]);
  });
});

describe("GET /api/compare", () => {
  it("compares one repository with each target", async () => {
    const { status, body } = await jsonOf(await get(compare, `/api/compare?${TEAM_A}&repository=apps/api&target=ap-southeast-1&target=cn-east-3`));
    expect(status).toBe(200);
    const result = body as RepositoryComparisonDto;
    expect(result.targets.map((t) => [t.region, t.counts])).toEqual([
      ["ap-southeast-1", expected["ap-southeast-1"]["apps/api"]],
      ["cn-east-3", expected["cn-east-3"]["apps/api"]],
    ]);
    expect(result.tags.map((t) => [t.tag, ...t.outcomes])).toEqual(
      expect.arrayContaining([
        ["2.0.0", "missing", "identical"],
        ["2.1.0", "missing", "differs"],
      ]),
    );
  });

  it("answers a target the credentials cannot read with that target's failure and still compares the others", async () => {
    await simAdmin.setFaults(env.sim, { rules: [{ kind: "error", status: 403, message: "no permission", operations: ["ListRepositoryTags"], region: "cn-east-3" }] });
    const { status, body } = await jsonOf(await get(compare, `/api/compare?${TEAM_A}&repository=redis&target=cn-east-3&target=ap-southeast-1`));
    expect(status).toBe(200);
    const [east, overseas] = (body as RepositoryComparisonDto).targets;
    expect(east?.failure).toEqual({
      code: "forbidden",
      region: "cn-east-3",
      status: 403,
      key: "swrErrors.forbiddenNamespace",
      params: { namespace: "team-a", region: "cn-east-3", said: { key: "swrErrors.said", params: { text: "no permission" } } },
      message: "Insufficient permissions on namespace “team-a” in cn-east-3: no permission.",
    });
    expect(overseas).toMatchObject({ counts: expected["ap-southeast-1"].redis, failure: null });
  });

  it("answers 404 naming a repository the source does not have", async () => {
    const { status, body } = await jsonOf(await get(compare, `/api/compare?${TEAM_A}&repository=nope&target=ap-southeast-1`));
    expect([status, body]).toEqual([
      404,
      {
        error: {
          code: "not_found",
          key: "swrErrors.repositoryMissing",
          params: { repository: "team-a/nope", region: "cn-north-4" },
          message: "Repository “team-a/nope” does not exist in cn-north-4.",
        },
      },
    ]);
  });

  const eleven = ["ap-southeast-1", "cn-east-3", "cn-south-1", "cn-north-1", "cn-east-2", "ap-southeast-2", "ap-southeast-3", "af-south-1", "la-north-2", "la-south-2", "ru-northwest-2"];

  // The parameter and, where the compare API words it, the message (null: the name and region rules' own).
  it.each<[string, string, string, object | null]>([
    ["no target", `${TEAM_A}&repository=nginx`, "target", { key: "jobErrors.compare.targetShape" }],
    ["more than ten targets", `${TEAM_A}&repository=nginx&${eleven.map((r) => `target=${r}`).join("&")}`, "target", { key: "jobErrors.compare.tooManyTargets", params: expect.objectContaining({ maximum: 10 }) }],
    ["the source as a target", `${TEAM_A}&repository=nginx&target=cn-north-4`, "target.0", { key: "jobErrors.compare.targetIsSource", params: { target: "cn-north-4/team-a" } }],
    ["the source, spelled out, as a target", `${TEAM_A}&repository=nginx&target=ap-southeast-1&target=cn-north-4/team-a`, "target.1", { key: "jobErrors.compare.targetIsSource", params: { target: "cn-north-4/team-a" } }],
    ["a target named twice", `${TEAM_A}&repository=nginx&target=ap-southeast-1&target=ap-southeast-1/team-a`, "target.1", { key: "jobErrors.compare.targetTwice", params: { target: "ap-southeast-1/team-a" } }],
    ["an unknown target region", `${TEAM_A}&repository=nginx&target=xx-nowhere-1`, "target.0.region", null],
    ["a target namespace breaking the rule", `${TEAM_A}&repository=nginx&target=cn-east-3/Team_B`, "target.0.namespace", null],
    ["a target with two slashes", `${TEAM_A}&repository=nginx&target=cn-east-3/team-a/x`, "target.0", { key: "jobErrors.compare.targetShape" }],
    ["an unknown source region", "region=xx-nowhere-1&namespace=team-a&repository=nginx&target=cn-east-3", "region", null],
    ["no repository", `${TEAM_A}&target=cn-east-3`, "repository", { key: "errors.validation.required" }],
  ])("answers 400 for %s, naming the parameter", async (_, query, field, said) => {
    const { status, body } = await jsonOf(await get(compare, `/api/compare?${query}`));
    expect(status).toBe(400);
    const { error } = body as { error: { code: string; fields: Record<string, string[]>; fieldMessages: Record<string, object[]> } };
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields)).toContain(field);
    expect(Object.keys(error.fieldMessages)).toContain(field);
    if (said) expect(error.fieldMessages[field]).toEqual([said]);
  });

  it("answers 401 without a session", async () => {
    actAs(null);
    const response = await get(compare, `/api/compare?${TEAM_A}&repository=nginx&target=cn-east-3`);
    expect(response.status).toBe(401);
    actAs(await createTestUser("viewer"));
  });
});
