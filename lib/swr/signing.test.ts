import { describe, expect, it } from "vitest";
import {
  canonicalRequest,
  encodeRfc3986,
  formatSdkDate,
  parseAuthorization,
  parseSdkDate,
  payloadHash,
  signRequest,
} from "./signing";

// The contract's §5 vectors, computed by the official SDK.
const AK = "HWEXAMPLEAKID0000001";
const SK = "hwExampleSecretKey0000000000000000000001";
const PROJECT = "0123456789abcdef0123456789abcdef";
const NOW = new Date("2024-03-15T08:30:00Z");
const HOST = "swr-api.cn-north-4.myhuaweicloud.com";
const SWR_HEADERS = { "content-type": "application/json", "X-Project-Id": PROJECT };

const vectors = [
  {
    name: "1: POST manual sync with a JSON body",
    input: {
      method: "POST" as const,
      host: HOST,
      path: "/v2/manage/namespaces/team-a/repos/nginx/sync_images",
      headers: SWR_HEADERS,
      body: '{"imageTag":["1.25.3","latest"],"override":false,"remoteNamespace":"team-a-backup","remoteRegionId":"ap-southeast-1"}',
    },
    signedHeaders: "content-type;host;x-project-id;x-sdk-date",
    signature: "268b6abf063cc74044e4adf36a4b613de5febf1cb5aba13bf532e21884caa843",
  },
  {
    name: "2: GET tags of apps/web (sent as apps$web) with a query",
    input: {
      method: "GET" as const,
      host: HOST,
      path: "/v2/manage/namespaces/team-a/repos/apps$web/tags",
      query: { limit: "50", offset: "0", order_column: "updated_at", order_type: "desc" },
      headers: SWR_HEADERS,
    },
    signedHeaders: "content-type;host;x-project-id;x-sdk-date",
    signature: "13487dc5f0144816da4867ff1c93351ace3df16f8553cb3615be4dedcf28ccc0",
  },
  {
    name: "3: GET sync jobs with a filter",
    input: {
      method: "GET" as const,
      host: HOST,
      path: "/v2/manage/namespaces/team-a/repos/apps$web/sync_job",
      query: { filter: "limit::10|offset::0|order::desc" },
      headers: SWR_HEADERS,
    },
    signedHeaders: "content-type;host;x-project-id;x-sdk-date",
    signature: "16b4e465c4558032aa00336f84e925a42fa88fbc4342f28526ccc9d7cd9150e1",
  },
  {
    name: "4: minimal GET /",
    input: { method: "GET" as const, host: HOST, path: "/" },
    signedHeaders: "host;x-sdk-date",
    signature: "75619cc6ee9a8807d585885c2ff77b5134132ca537dd4843d95eb0e222b66ccf",
  },
  {
    name: "5: IAM project lookup, no body",
    input: {
      method: "GET" as const,
      host: "iam.myhuaweicloud.com",
      path: "/v3/projects",
      query: { name: "cn-north-4" },
      headers: { "content-type": "application/json" },
    },
    signedHeaders: "content-type;host;x-sdk-date",
    signature: "13c9a5ea52dad26ca1f7a6029273db24048d74016c7fdf0a6ba9a7df4fe3498f",
  },
  {
    name: "5b: IAM project lookup as the SDK sends it, body {} on a GET",
    input: {
      method: "GET" as const,
      host: "iam.myhuaweicloud.com",
      path: "/v3/projects",
      query: { name: "cn-north-4" },
      headers: { "content-type": "application/json" },
      body: "{}",
    },
    signedHeaders: "content-type;host;x-sdk-date",
    signature: "283a61816b59ce20c48681160af845953093ed7eefe68c1d1b579bebabde774d",
  },
];

describe("SDK-HMAC-SHA256 test vectors", () => {
  it.each(vectors)("vector $name", ({ input, signedHeaders, signature }) => {
    const headers = signRequest({ ...input, ak: AK, sk: SK, now: NOW });
    expect(headers["X-Sdk-Date"]).toBe("20240315T083000Z");
    expect(headers.Authorization).toBe(
      `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    );
  });

  it("builds vector 2's canonical request line by line", () => {
    const { request } = canonicalRequest({
      method: "GET",
      path: "/v2/manage/namespaces/team-a/repos/apps$web/tags",
      query: { limit: "50", offset: "0", order_column: "updated_at", order_type: "desc" },
      signedHeaders: { ...SWR_HEADERS, "X-Sdk-Date": "20240315T083000Z", host: HOST },
    });
    expect(request).toBe(
      [
        "GET",
        "/v2/manage/namespaces/team-a/repos/apps%24web/tags/",
        "limit=50&offset=0&order_column=updated_at&order_type=desc",
        "content-type:application/json",
        `host:${HOST}`,
        `x-project-id:${PROJECT}`,
        "x-sdk-date:20240315T083000Z",
        "",
        "content-type;host;x-project-id;x-sdk-date",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ].join("\n"),
    );
  });

  it("hashes vector 1's body as the contract states", () => {
    expect(payloadHash(vectors[0]!.input.body)).toBe(
      "9febca8b37fa4077687a835f7ce701f0c38f34f0640acbb53a0ab5b71b557156",
    );
  });
});

describe("signing helpers", () => {
  it.each([
    ["$", "%24"],
    [":", "%3A"],
    ["|", "%7C"],
    [" ", "%20"],
    ["/", "%2F"],
    ["*", "%2A"],
    ["a-_.~Z9", "a-_.~Z9"],
    ["é", "%C3%A9"],
  ])("encodes %j as %j", (raw, encoded) => {
    expect(encodeRfc3986(raw)).toBe(encoded);
  });

  it.each(["20240315T083000Z", "19991231T235959Z"])("round-trips the date %s", (v) => {
    expect(formatSdkDate(parseSdkDate(v))).toBe(v);
  });

  it.each(["", "2024-03-15T08:30:00Z", "20240315T083000", "20241332T083000Z", "20240230T083000Z"])(
    "rejects the malformed date %j",
    (v) => {
      expect(parseSdkDate(v)).toBeUndefined();
    },
  );

  it.each([
    ["SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + "a".repeat(64), true],
    ["SDK-HMAC-SHA256 Access=AK,SignedHeaders=host, Signature=" + "a".repeat(64), false],
    ["HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=" + "a".repeat(64), false],
    ["SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=xyz", false],
  ])("parses Authorization %j → %s", (v, ok) => {
    expect(parseAuthorization(v) !== undefined).toBe(ok);
  });
});
