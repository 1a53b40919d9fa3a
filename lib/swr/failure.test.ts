import { describe, expect, it } from "vitest";
import { SwrError, type SwrErrorInit } from "./errors";
import { swrFailureOf } from "./failure";

const base: SwrErrorInit = { kind: "http", operation: "ListRepositoryTags", region: "cn-east-3", resource: { namespace: "team-a", repository: "nginx" } };

describe("swrFailureOf", () => {
  it.each<[string, Partial<SwrErrorInit>, string]>([
    ["403", { status: 403 }, "forbidden"],
    ["401", { status: 401 }, "credentials"],
    ["404", { status: 404 }, "not_found"],
    ["429", { status: 429 }, "throttled"],
    ["503", { status: 503 }, "unavailable"],
    ["409 busy", { status: 409, code: "SVCSTG.SWR.4090023" }, "unavailable"],
    ["400", { status: 400, swrMessage: "bad limit" }, "refused"],
    ["a timeout", { kind: "timeout", timeoutMs: 5000 }, "timeout"],
    ["a network failure", { kind: "network", host: "swr.example" }, "unreachable"],
    ["an answer not understood", { kind: "invalid_response", detail: "not JSON" }, "invalid_response"],
    ["a missing setting", { kind: "configuration", detail: "No endpoint" }, "configuration"],
  ])("words %s as its code, with the sentence and the status", (_, init, code) => {
    const error = new SwrError({ ...base, ...init });
    expect(swrFailureOf(error, "elsewhere")).toEqual({ code, region: "cn-east-3", status: init.status ?? null, message: error.message, ...error.msg });
    expect(error.msg.key).toMatch(/^swrErrors\./);
  });

  it("keeps the details of anything else to the server", () => {
    expect(swrFailureOf(new TypeError("secret detail"), "ap-southeast-1")).toEqual({
      code: "internal",
      region: "ap-southeast-1",
      status: null,
      message: "Something went wrong while talking to SWR; check the server log.",
      key: "swrErrors.unexpected",
    });
  });
});
