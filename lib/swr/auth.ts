import "server-only";
import { signRequest } from "./signing";
import { type AkSkCredentials } from "./config";
import { type SwrAuthMethod } from "./errors";
import { type Authorizer } from "./http";

// The three ways a request is authenticated: AK/SK signature, IAM token, or nothing (token sign-in).

/** Signs with AK/SK (contract §4.1); adds `X-Project-Id` when a resolver is given. */
export function akskAuthorizer(
  credentials: AkSkCredentials,
  now: () => Date,
  projectIdOf?: (region: string) => Promise<string>,
): Authorizer {
  return {
    method: "aksk",
    async headers(request) {
      const headers = { ...request.headers };
      if (projectIdOf) headers["X-Project-Id"] = await projectIdOf(request.region);
      if (credentials.securityToken) headers["X-Security-Token"] = credentials.securityToken;
      return signRequest({
        method: request.method,
        host: request.host,
        path: request.path,
        query: request.query,
        headers,
        body: request.body,
        ak: credentials.ak,
        sk: credentials.sk,
        now: now(),
      });
    },
  };
}

export interface TokenSource {
  token(region: string): Promise<{ token: string }>;
  invalidate(region: string): void;
}

/** Sends an IAM token (contract §4.3); after a 401 the token is dropped and the call tried once more. */
export function tokenAuthorizer(tokens: TokenSource): Authorizer {
  return {
    method: "token",
    async headers(request) {
      return { ...request.headers, "X-Auth-Token": (await tokens.token(request.region)).token };
    },
    renew(region) {
      tokens.invalidate(region);
      return true;
    },
  };
}

/** No credentials in headers (the token request carries them in its body). */
export function anonymousAuthorizer(method: SwrAuthMethod): Authorizer {
  return { method, headers: (request) => Promise.resolve(request.headers) };
}
