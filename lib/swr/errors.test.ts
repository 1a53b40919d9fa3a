import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseErrorBody } from "./error-body";
import { describeSwrError, redact, SwrError, type SwrErrorInit, toAppError } from "./errors";

describe("error bodies (§6.1)", () => {
  it.each([
    [
      "(a) documented shape",
      {
        errors: [{ errorCode: "SVCSTG.SWR.4030170", errorMessage: "Insufficient permissions (new)" }],
        error_code: "SVCSTG.SWR.4030170",
        error_msg: "Insufficient permissions",
        details: [{ error_code: "SVCSTG.SWR.4030170", error_msg: "" }],
        encoded_authorization_message: "Egpj",
      },
      { code: "SVCSTG.SWR.4030170", message: "Insufficient permissions" },
    ],
    ["(a) errors[] only", { errors: [{ errorCode: "C1", errorMessage: "m1" }] }, { code: "C1", message: "m1" }],
    ["(b) old flat object", { errorCode: "SVCSTG.SWR.4000014", errorMessage: "bad", detail: "" }, { code: "SVCSTG.SWR.4000014", message: "bad" }],
    ["(c) array", [{ errorCode: "SVCSTG.SWR.4040010", errorMessage: "no repo" }], { code: "SVCSTG.SWR.4040010", message: "no repo" }],
    [
      "(d) gateway",
      { error_msg: "Incorrect IAM authentication information", error_code: "APIGW.0301", request_id: "rid-1" },
      { code: "APIGW.0301", message: "Incorrect IAM authentication information", requestId: "rid-1" },
    ],
    ["(e) IAM", { error: { code: 401, message: "The request you have made requires authentication.", title: "Unauthorized" } }, { code: "401", message: "The request you have made requires authentication." }],
    ["generic code/message", { code: "X", message: "y" }, { code: "X", message: "y" }],
    ["fields of the wrong type", { error_code: { nested: true }, error_msg: 5, errorMessage: "ok" }, { message: "ok" }],
  ])("%s", (_what, body, expected) => {
    expect(parseErrorBody(JSON.stringify(body))).toEqual(expected);
  });

  it.each([
    ["plain text", "upstream timed out", { message: "upstream timed out" }],
    ["an HTML page", "<html><body>502</body></html>", {}],
    ["nothing", "", {}],
    ["JSON that is not an object", "42", {}],
  ])("non-JSON body: %s", (_what, text, expected) => {
    expect(parseErrorBody(text)).toEqual(expected);
  });
});

const base: SwrErrorInit = { kind: "http", operation: "ShowNamespace", region: "ap-southeast-1" };

describe("messages a person can act on", () => {
  it.each<[string, Partial<SwrErrorInit>, string]>([
    ["400", { status: 400, swrMessage: "Invalid parameter tag" }, "SWR rejected the request: Invalid parameter tag."],
    ["401", { status: 401, authMethod: "aksk" }, "SWR rejected the credentials (check SWR_AK/SWR_SK or the server clock)."],
    ["401 token", { status: 401, authMethod: "token" }, "SWR rejected the credentials (check SWR_IAM_DOMAIN, SWR_IAM_USER and SWR_IAM_PASSWORD)."],
    ["401 clock code", { status: 401, code: "APIGW.0303" }, "SWR rejected the request time: this server's clock is more than 15 minutes off; sync it (NTP) and try again."],
    ["401 clock message", { status: 401, swrMessage: "X-Sdk-Date is out of range" }, "SWR rejected the request time: this server's clock is more than 15 minutes off; sync it (NTP) and try again."],
    ["403", { status: 403, resource: { namespace: "team-a" } }, "Insufficient permissions on namespace “team-a” in ap-southeast-1."],
    [
      "403 on a sync, which may be either side",
      { status: 403, resource: { namespace: "team-a", targetNamespace: "mirrors", targetRegion: "cn-east-3" } },
      "Insufficient permissions to sync from “team-a” in ap-southeast-1 to “mirrors” in cn-east-3.",
    ],
    ["404 namespace", { status: 404, resource: { namespace: "team-b" } }, "Namespace “team-b” does not exist in ap-southeast-1."],
    ["404 repository by code", { status: 404, code: "SVCSTG.SWR.4040010", resource: { namespace: "team-a", repository: "apps/web" } }, "Repository “team-a/apps/web” does not exist in ap-southeast-1."],
    ["404 namespace of a repository", { status: 404, swrMessage: "namespace not found", resource: { namespace: "team-a", repository: "web" } }, "Namespace “team-a” does not exist in ap-southeast-1."],
    ["404 target namespace", { status: 404, swrMessage: "namespace backup not found", resource: { namespace: "team-a", repository: "web", targetNamespace: "backup", targetRegion: "cn-north-4" } }, "Namespace “backup” does not exist in cn-north-4."],
    ["409 busy", { status: 409, code: "SVCSTG.SWR.4090023" }, "SWR in ap-southeast-1 is busy with a conflicting operation; try again in a moment."],
    ["429", { status: 429 }, "SWR in ap-southeast-1 is throttling requests; wait a moment and try again."],
    ["500", { status: 500 }, "SWR internal error in ap-southeast-1; try again later."],
    ["503", { status: 503, service: "IAM" }, "IAM internal error in ap-southeast-1; try again later."],
    ["timeout", { kind: "timeout", timeoutMs: 15_000 }, "SWR in ap-southeast-1 did not answer within 15 s; try again later."],
    ["network", { kind: "network", host: "swr-api.x.com", networkCode: "ECONNREFUSED" }, "Could not reach SWR at swr-api.x.com (ECONNREFUSED); check the endpoint setting and this server's network."],
  ])("%s", (_what, init, message) => {
    expect(new SwrError({ ...base, ...init }).message).toBe(message);
  });

  it.each<[Partial<SwrErrorInit>, boolean]>([
    [{ status: 500 }, true],
    [{ status: 429 }, true],
    [{ kind: "timeout" }, true],
    [{ kind: "network" }, true],
    [{ status: 400 }, false],
    [{ status: 404 }, false],
    [{ status: 409, code: "SVCSTG.SWR.4090023" }, true],
    [{ status: 409, code: "SVCSTG.SWR.4090099" }, false],
  ])("%j retryable → %s", (init, retryable) => {
    expect(new SwrError({ ...base, ...init }).retryable).toBe(retryable);
  });
});

describe("toAppError", () => {
  it.each<[Partial<SwrErrorInit>, string, number]>([
    [{ status: 400 }, "bad_request", 400],
    [{ status: 401 }, "swr_unavailable", 502],
    [{ status: 403 }, "swr_unavailable", 502],
    [{ status: 404 }, "not_found", 404],
    [{ status: 409 }, "conflict", 409],
    [{ status: 429 }, "rate_limited", 429],
    [{ status: 500 }, "swr_unavailable", 502],
    [{ kind: "timeout" }, "swr_timeout", 504],
    [{ kind: "network" }, "swr_unavailable", 502],
  ])("%j → %s (%i)", (init, code, status) => {
    const err = new SwrError({ ...base, ...init });
    expect(toAppError(err)).toMatchObject({ code, status, message: err.message });
  });

  it("never passes an unknown error's text on", () => {
    const app = toAppError(new Error("SK=secret"));
    expect(app).toBeInstanceOf(AppError);
    expect(app.message).not.toContain("secret");
    expect(describeSwrError(new Error("SK=secret"))).not.toContain("secret");
  });

  it("turns invalid input into validation_failed with fields", () => {
    const zodError = z.object({ tag: z.string() }).safeParse({}).error;
    expect(toAppError(zodError)).toMatchObject({ code: "validation_failed", fields: { tag: expect.any(Array) } });
  });
});

describe("redaction", () => {
  it("removes secrets and signatures", () => {
    const text = `bad Access=MYAK Signature=${"a".repeat(64)} sk=MYSECRET`;
    expect(redact(text, ["MYAK", "MYSECRET"])).toBe("bad Access=*** Signature=*** sk=***");
  });
});
