import { describe, expect, it } from "vitest";
import { optionsFromEnv } from "./env";
import { DEMO_CREDENTIALS, DEMO_IAM_USER } from "./identity";

describe("optionsFromEnv", () => {
  it("falls back to the documented demo defaults, treating blank values as unset", () => {
    expect(optionsFromEnv({ SIM_PORT: "", SIM_STATE_FILE: " " })).toEqual({
      ok: true,
      options: {
        host: "127.0.0.1",
        port: 4010,
        credentials: [DEMO_CREDENTIALS],
        users: [DEMO_IAM_USER],
        syncDelayMs: 1500,
        tokenTtlMs: 86_400_000,
        stateFile: undefined,
        faults: undefined,
      },
    });
  });

  it("reads every variable", () => {
    const result = optionsFromEnv({
      SIM_PORT: "5000",
      SIM_HOST: "0.0.0.0",
      SIM_AK: "AK",
      SIM_SK: "SK",
      SIM_IAM_DOMAIN: "acme",
      SIM_IAM_USER: "ops",
      SIM_IAM_PASSWORD: "pw",
      SIM_SYNC_DELAY_MS: "20",
      SIM_STATE_FILE: "data/sim.json",
      SIM_FAULTS: '{"rules":[{"kind":"throttle","rate":0.1}]}',
    });
    expect(result).toMatchObject({
      ok: true,
      options: {
        port: 5000,
        host: "0.0.0.0",
        credentials: [{ ak: "AK", sk: "SK" }],
        users: [{ domain: "acme", name: "ops", password: "pw" }],
        syncDelayMs: 20,
        stateFile: "data/sim.json",
        faults: { seed: 1, rules: [{ kind: "throttle", rate: 0.1, region: "*", retryAfterSeconds: 1 }], syncFailures: [] },
      },
    });
  });

  it.each([
    ["SIM_PORT", "http"],
    ["SIM_PORT", "70000"],
    ["SIM_SYNC_DELAY_MS", "-5"],
    ["SIM_SYNC_DELAY_MS", "1.5"],
    ["SIM_TOKEN_TTL_MS", "10"],
    ["SIM_FAULTS", "{not json"],
    ["SIM_FAULTS", '{"rules":[{"kind":"error","rate":3}]}'],
  ])("names %s when it is %j", (name, value) => {
    const result = optionsFromEnv({ [name]: value });
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ problems: [expect.stringMatching(new RegExp(`^${name}: `))] });
  });
});
