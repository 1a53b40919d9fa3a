import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { apiClient, sameOrigin } from "./api-session";
import { SIM_URL } from "./support";

// README's "Sync from CI" script, run as written (bash, curl, jq) with an operator's API token: it waits for the job
// and succeeds, or fails printing each failed tag with its reason.

const run = promisify(execFile);

/** The bash block under README's "## Sync from CI". */
function ciScript(): string {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## Sync from CI"));
  const block = /```bash\n([\s\S]*?)```/.exec(section);
  if (!block?.[1]) throw new Error("README.md has no bash block under ## Sync from CI");
  return block[1];
}

let token = "";

test.beforeAll(async ({ baseURL }) => {
  const operator = await apiClient(baseURL!, "operator");
  const created = await operator.post("/api/tokens", { headers: sameOrigin(baseURL!), data: { name: "ci-script e2e", expiresInDays: 1, role: "operator" } });
  expect(created.status(), await created.text()).toBe(201);
  token = ((await created.json()) as { secret: string }).secret;
  await operator.dispose();
});

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/__sim/reset`);
  // The script's repository: team-a/myapp in cn-north-4 (ap-southeast-1 has team-a in the seed).
  const repo = await request.post(`${SIM_URL}/__sim/repositories`, {
    data: { region: "cn-north-4", namespace: "team-a", repository: "myapp", tags: 2 },
  });
  expect(repo.status(), await repo.text()).toBe(201);
});

/** The script with the dashboard's address in place of the example's; its exit code and output. */
async function runScript(baseURL: string, tag: string, pipeline: string) {
  const script = ciScript().replace("SWR_SYNC_URL=https://swr-sync.example.com", `SWR_SYNC_URL=${baseURL}`);
  expect(script).toContain(`SWR_SYNC_URL=${baseURL}`);
  try {
    const { stdout, stderr } = await run("bash", ["-c", script], {
      env: { ...process.env, SWR_SYNC_TOKEN: token, TAG: tag, CI_PIPELINE_ID: pipeline },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

test("syncs the tag just pushed and says where to see it", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const result = await runScript(baseURL!, "v1.0.000001", `ok-${Date.now()}`);
  expect(result, result.stderr).toMatchObject({ code: 0 });
  expect(result.stdout).toMatch(new RegExp(`^synced: ${baseURL}/jobs/\\S+\\n$`));
});

test("fails when the tag fails, printing it with its reason", async ({ baseURL, request }) => {
  test.setTimeout(120_000);
  const faults = await request.put(`${SIM_URL}/__sim/faults`, {
    data: { syncFailures: [{ region: "cn-north-4", namespace: "team-a", repository: "myapp", tag: "v1.0.000002", reason: "quota exceeded" }] },
  });
  expect(faults.ok()).toBe(true);
  const result = await runScript(baseURL!, "v1.0.000002", `fail-${Date.now()}`);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(new RegExp(`^sync ended failed: ${baseURL}/jobs/\\S+\\n`));
  const rows = result.stderr.split("\n").slice(1).join("\n").split("\r\n").filter((r) => r !== "");
  expect(rows[0]).toMatch(/^repository,targetRegion,targetNamespace,tag,status,/);
  expect(rows.slice(1)).toHaveLength(1);
  expect(rows[1]).toMatch(/^myapp,ap-southeast-1,team-a,v1\.0\.000002,failed,.*,SWR reports that the sync to namespace “team-a” in ap-southeast-1 failed/);
});
