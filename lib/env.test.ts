import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const base = { SWR_AK: "ak", SWR_SK: "sk" };

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv(base);
    expect(env.DATABASE_URL).toBe("file:./data/swr-sync.db");
    expect(env.SWR_ENDPOINT).toBe("https://swr-api.{region}.myhuaweicloud.com");
    expect(env.SWR_DEFAULT_REGION).toBe("cn-north-4");
    expect(env.SWR_PROJECT_IDS).toEqual({});
    expect(env.SYNC_SWR_TIMEOUT_MS).toBe(5_000);
  });

  it("parses project IDs", () => {
    expect(parseEnv({ ...base, SWR_PROJECT_IDS: "cn-north-4=abc, ap-southeast-1=def" }).SWR_PROJECT_IDS).toEqual({
      "cn-north-4": "abc",
      "ap-southeast-1": "def",
    });
  });

  it.each([
    [{ ...base, DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ ...base, SWR_ENDPOINT: "https://swr.example.com" }, "SWR_ENDPOINT: must contain {region}"],
    [{ SWR_AK: "ak" }, "SWR_SK: SWR_AK and SWR_SK go together"],
    [{}, "SWR_AK: set SWR_AK and SWR_SK"],
    [{ SWR_IAM_USER: "u" }, "SWR_IAM_PASSWORD: required"],
    [{ ...base, NODE_ENV: "production" }, "NEXTAUTH_SECRET: required in production"],
    [{ ...base, NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET: must be at least 32"],
    [{ ...base, SWR_PROJECT_IDS: "cn-north-4" }, "SWR_PROJECT_IDS: expected region=projectId"],
    [{ ...base, SWR_TIMEOUT_MS: "-1" }, "SWR_TIMEOUT_MS"],
    [{ ...base, SYNC_SWR_TIMEOUT_MS: "0" }, "SYNC_SWR_TIMEOUT_MS"],
    [{ ...base, APP_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") }, "APP_ENCRYPTION_KEY: must be 32 bytes"],
    [{ ...base, APP_ENCRYPTION_KEY_PREVIOUS: "not base64 at all" }, "APP_ENCRYPTION_KEY_PREVIOUS: must be 32 bytes"],
    [{ ...base, WEBHOOK_ALLOW_PRIVATE: "yes" }, "WEBHOOK_ALLOW_PRIVATE"],
    [{ ...base, WEBHOOK_RETRY_DELAYS_MS: "60000,soon" }, "WEBHOOK_RETRY_DELAYS_MS: expected up to 9"],
  ])("rejects %j naming the variable", (source, fragment) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    try {
      parseEnv(source);
    } catch (e) {
      expect((e as EnvError).problems.join("\n")).toContain(fragment);
    }
  });

  it("reads the webhook settings: key, private addresses, retry waits", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    const env = parseEnv({ ...base, APP_ENCRYPTION_KEY: key, WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_RETRY_DELAYS_MS: "10, 20" });
    expect(env).toMatchObject({ APP_ENCRYPTION_KEY: key, WEBHOOK_ALLOW_PRIVATE: true, WEBHOOK_RETRY_DELAYS_MS: [10, 20] });
    expect(parseEnv(base).APP_ENCRYPTION_KEY).toBeUndefined();
    expect(parseEnv(base)).toMatchObject({ WEBHOOK_ALLOW_PRIVATE: false, WEBHOOK_TIMEOUT_MS: 10_000, WEBHOOK_RETRY_DELAYS_MS: [60_000, 300_000, 600_000, 900_000] });
  });

  it("lists every problem at once", () => {
    try {
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "x" });
      expect.unreachable();
    } catch (e) {
      expect((e as EnvError).problems.length).toBeGreaterThanOrEqual(3);
    }
  });
});
