import "server-only";
import { akskAuthorizer, tokenAuthorizer } from "./auth";
import { type ResolvedSwrConfig, secretsOf } from "./config";
import { type Authorizer, createTransport, type HttpCall, type HttpResult } from "./http";
import { createProjectIdResolver } from "./projects";
import { repositoryPath } from "./paths";
import { iamEndpoint, swrEndpoint } from "./regions";
import { createTokenProvider, type TokenProvider } from "./token";

// Wires transport and credentials together: operations only say what to call in which region.

export type SwrCall = Omit<HttpCall, "baseUrl" | "authorizer" | "service">;

export interface SwrCaller {
  swrEndpointOf(region: string): string;
  call(call: SwrCall): Promise<HttpResult>;
}

export function createSwrCaller(config: ResolvedSwrConfig): SwrCaller {
  let tokens: TokenProvider | undefined;
  const send = createTransport({
    exchange: config.exchange,
    sleep: config.sleep,
    random: config.random,
    now: config.now,
    timeoutMs: config.timeoutMs,
    hedgeAfterMs: config.hedgeAfterMs,
    retry: config.retry,
    secrets: () => [...secretsOf(config.credentials), ...(tokens?.heldTokens() ?? [])],
    log: config.log,
  });
  const iamEndpointOf = (region: string) => iamEndpoint(region, config.iamEndpointTemplate);
  const swrEndpointOf = (region: string) => swrEndpoint(region, config.swrEndpointTemplate);

  let authorizer: Authorizer;
  if (config.credentials.kind === "aksk") {
    const projectIdOf = createProjectIdResolver({
      send,
      credentials: config.credentials,
      iamEndpointOf,
      configured: config.projectIds,
      now: config.now,
    });
    authorizer = akskAuthorizer(config.credentials, config.now, projectIdOf);
  } else {
    tokens = createTokenProvider({
      send,
      credentials: config.credentials,
      iamEndpointOf,
      now: config.now,
      refreshMarginMs: config.tokenRefreshMarginMs,
    });
    authorizer = tokenAuthorizer(tokens);
  }

  return {
    swrEndpointOf,
    call: (c) => send({ ...c, baseUrl: swrEndpointOf(c.region), authorizer }),
  };
}

export interface RepositoryRead {
  operation: string;
  region: string;
  namespace: string;
  repository: string;
  /** Sub-resource such as `/tags`; the repository itself when omitted. */
  suffix?: string;
  query?: Record<string, string | undefined>;
}

/** A GET of a repository or one of its sub-resources, naming both in any error. */
export function readRepository(swr: SwrCaller, r: RepositoryRead): Promise<HttpResult> {
  return swr.call({
    operation: r.operation,
    region: r.region,
    method: "GET",
    path: repositoryPath(r.namespace, r.repository, r.suffix),
    query: r.query,
    resource: { namespace: r.namespace, repository: r.repository },
  });
}
