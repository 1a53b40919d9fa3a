import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { resolveSwrConfig, secretsOf, swrConfigFromEnv } from "./config";

describe("configuration from the environment", () => {
  it.each([
    ["AK/SK when both are set", { SWR_AK: "ak", SWR_SK: "sk", SWR_SECURITY_TOKEN: "st" }, { kind: "aksk", ak: "ak", sk: "sk", securityToken: "st" }],
    ["IAM password otherwise", { SWR_IAM_DOMAIN: "acme", SWR_IAM_USER: "ops", SWR_IAM_PASSWORD: "pw" }, { kind: "password", domain: "acme", user: "ops", password: "pw" }],
  ])("uses %s", (_what, vars, credentials) => {
    expect(swrConfigFromEnv(parseEnv(vars)).credentials).toEqual(credentials);
  });

  it("passes endpoints, project IDs and limits through", () => {
    const config = swrConfigFromEnv(
      parseEnv({
        SWR_AK: "ak",
        SWR_SK: "sk",
        SWR_ENDPOINT: "http://127.0.0.1:9000/{region}",
        IAM_ENDPOINT: "http://127.0.0.1:9000/{region}",
        SWR_PROJECT_IDS: "cn-north-4=p1, ap-southeast-1=p2",
        SWR_TIMEOUT_MS: "5000",
        SWR_MAX_ATTEMPTS: "2",
      }),
    );
    expect(config).toMatchObject({
      swrEndpointTemplate: "http://127.0.0.1:9000/{region}",
      iamEndpointTemplate: "http://127.0.0.1:9000/{region}",
      projectIds: { "cn-north-4": "p1", "ap-southeast-1": "p2" },
      timeoutMs: 5000,
      maxAttempts: 2,
    });
    expect(resolveSwrConfig(config).retry.maxAttempts).toBe(2);
  });

  it("lists every secret for redaction", () => {
    expect(secretsOf({ kind: "aksk", ak: "a", sk: "s", securityToken: "t" })).toEqual(["a", "s", "t"]);
    expect(secretsOf({ kind: "password", domain: "d", user: "u", password: "p" })).toEqual(["p"]);
  });
});
