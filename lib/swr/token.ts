import "server-only";
import { anonymousAuthorizer, type TokenSource } from "./auth";
import { type PasswordCredentials } from "./config";
import { decode } from "./decode";
import { SwrError } from "./errors";
import { type Send } from "./http";
import { iamTokenBodySchema } from "./wire";

// IAM password tokens (contract §4.3): one per region, project-scoped, cached and refreshed early.

const OPERATION = "KeystoneCreateUserTokenByPassword";

export interface IamToken {
  token: string;
  /** Project ID of the scoped region, from the token body. */
  projectId?: string;
  expiresAt: number;
}

export interface TokenProviderOptions {
  send: Send;
  credentials: PasswordCredentials;
  iamEndpointOf: (region: string) => string;
  now: () => Date;
  refreshMarginMs: number;
}

export interface TokenProvider extends TokenSource {
  token(region: string): Promise<IamToken>;
  /** Tokens currently held, so they can be kept out of error messages. */
  heldTokens(): string[];
}

export function createTokenProvider(o: TokenProviderOptions): TokenProvider {
  const held = new Map<string, IamToken>();
  const pending = new Map<string, Promise<IamToken>>();
  const fresh = (t: IamToken | undefined): t is IamToken => !!t && t.expiresAt - o.refreshMarginMs > o.now().getTime();

  async function signIn(region: string): Promise<IamToken> {
    const { domain, user, password } = o.credentials;
    const result = await o.send({
      service: "IAM",
      operation: OPERATION,
      region,
      method: "POST",
      baseUrl: o.iamEndpointOf(region),
      path: "/v3/auth/tokens",
      query: { nocatalog: "true" },
      contentType: "application/json;charset=utf8",
      body: {
        auth: {
          identity: { methods: ["password"], password: { user: { domain: { name: domain }, name: user, password } } },
          scope: { project: { name: region } },
        },
      },
      // Issuing a token changes nothing, so a lost answer may be asked for again.
      idempotent: true,
      authorizer: anonymousAuthorizer("token"),
    });
    const ctx = { operation: OPERATION, region, service: "IAM" as const };
    const body = decode(iamTokenBodySchema, result, ctx);
    const token = result.header("x-subject-token");
    const expiresAt = Date.parse(body.expiresAt);
    if (!token || Number.isNaN(expiresAt)) {
      const detail = token ? "token.expires_at is not a time" : "no X-Subject-Token header";
      throw new SwrError({ kind: "invalid_response", ...ctx, requestId: result.requestId, detail });
    }
    return { token, projectId: body.projectId, expiresAt };
  }

  return {
    async token(region) {
      const current = held.get(region);
      if (fresh(current)) return current;
      let inFlight = pending.get(region);
      if (!inFlight) {
        inFlight = signIn(region)
          .then((t) => (held.set(region, t), t))
          .finally(() => pending.delete(region));
        pending.set(region, inFlight);
      }
      return inFlight;
    },
    invalidate(region) {
      held.delete(region);
    },
    heldTokens() {
      return [...held.values()].map((t) => t.token);
    },
  };
}
