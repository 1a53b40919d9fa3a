import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import {
  EMPTY_BODY_SHA256,
  canonicalRequest,
  formatSdkDate,
  parseAuthorization,
  parseSdkDate,
  signature,
  signaturesEqual,
  stringToSign,
  type Query,
} from "@/lib/swr/signing";
import type { Sim } from "./context";
import { CODES, gatewayError } from "./errors";
import type { Caller } from "./identity";
import { projectIdOf } from "./regions";

// Authentication as SWR's API gateway does it (contract §4): AK/SK signatures or IAM tokens.

const MAX_CLOCK_SKEW_MS = 15 * 60_000;

export type AuthSetup = Pick<Sim, "credentials" | "keyOwner" | "users" | "store" | "now" | "log">;

export interface AuthRequest {
  method: string;
  /** Exactly as received, region prefix included, without the query. */
  rawPath: string;
  query: Query;
  headers: IncomingHttpHeaders;
  body: Buffer;
  region: string;
  requestId: string;
  /** SWR calls carry the project of the called region; IAM calls do not. */
  projectScoped: boolean;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

export function authenticate(setup: AuthSetup, r: AuthRequest): Caller {
  const deny = (message: string, code: string = CODES.gatewayAuth, status = 401) => gatewayError(status, code, message, r.requestId);
  const token = header(r.headers, "x-auth-token");
  const caller = token !== undefined ? verifyToken(setup, r, token, deny) : verifyAkSk(setup, r, deny);
  const projectId = header(r.headers, "x-project-id");
  if (r.projectScoped && projectId !== undefined && projectId !== projectIdOf(r.region)) {
    throw deny(`X-Project-Id ${projectId} is not the project of region ${r.region} (expected ${projectIdOf(r.region)})`, CODES.gatewayForbidden, 403);
  }
  return caller;
}

type Deny = (message: string, code?: string, status?: number) => Error;

function verifyToken(setup: AuthSetup, r: AuthRequest, value: string, deny: Deny): Caller {
  const issued = setup.store.token(value);
  const user = issued && setup.users.find((u) => u.id === issued.userId);
  if (!issued || !user) throw deny("Incorrect IAM authentication information: the X-Auth-Token is not a valid token");
  if (setup.now().getTime() >= Date.parse(issued.expiresAt)) throw deny("The token must be updated.");
  if (r.projectScoped && issued.projectId !== projectIdOf(r.region)) {
    throw deny(`the token is scoped to project ${issued.projectId}, not to the project of region ${r.region}`, CODES.gatewayForbidden, 403);
  }
  return { user, via: "token" };
}

function verifyAkSk(setup: AuthSetup, r: AuthRequest, deny: Deny): Caller {
  const authorization = header(r.headers, "authorization");
  if (authorization === undefined) throw deny("Incorrect IAM authentication information: neither an Authorization nor an X-Auth-Token header was sent");
  const parsed = parseAuthorization(authorization);
  if (!parsed) throw deny("Incorrect IAM authentication information: malformed Authorization header, expected SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…");
  const pair = setup.credentials.find((c) => c.ak === parsed.access);
  if (!pair) throw deny(`Incorrect IAM authentication information: unknown access key ${parsed.access}`);
  for (const required of ["host", "x-sdk-date"]) {
    if (!parsed.signedHeaders.includes(required)) throw deny(`Incorrect IAM authentication information: SignedHeaders must include ${required}`);
  }
  const sdkDate = header(r.headers, "x-sdk-date");
  if (sdkDate === undefined) throw deny("Incorrect IAM authentication information: the X-Sdk-Date header is missing");
  const date = parseSdkDate(sdkDate);
  if (!date) throw deny(`Incorrect IAM authentication information: malformed X-Sdk-Date "${sdkDate}", expected YYYYMMDDTHHmmssZ`);
  const now = setup.now();
  if (Math.abs(now.getTime() - date.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw deny(
      `Incorrect IAM authentication information: the request time ${sdkDate} differs from the server time ${formatSdkDate(now)} by more than 15 minutes`,
      CODES.gatewayClockSkew,
    );
  }
  const signedHeaders: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = header(r.headers, name);
    if (value === undefined) throw deny(`Incorrect IAM authentication information: signed header ${name} was not sent`);
    signedHeaders[name] = value;
  }
  const { request } = canonicalRequest({
    method: r.method,
    path: r.rawPath,
    query: r.query,
    signedHeaders,
    payloadHash: header(r.headers, "x-sdk-content-sha256") ?? (r.body.length === 0 ? EMPTY_BODY_SHA256 : createHash("sha256").update(r.body).digest("hex")),
  });
  if (!signaturesEqual(signature(pair.sk, stringToSign(sdkDate, request)), parsed.signature)) {
    setup.log(`signature mismatch; the simulator's canonical request was:\n${request}`);
    throw deny("Incorrect IAM authentication information: verify aksk signature fail");
  }
  return { user: setup.keyOwner, via: "aksk" };
}
