import { msg } from "@/i18n/message";
import "server-only";
import { akskAuthorizer } from "./auth";
import { type AkSkCredentials } from "./config";
import { decode } from "./decode";
import { SwrError } from "./errors";
import { type Send } from "./http";
import { iamProjectsBodySchema } from "./wire";

// IAM project ID per region (contract §4.2): configured, or looked up once like the SDK — never created.

const OPERATION = "KeystoneListProjects";

export interface ProjectIdResolverOptions {
  send: Send;
  credentials: AkSkCredentials;
  iamEndpointOf: (region: string) => string;
  configured: Record<string, string>;
  now: () => Date;
}

export function createProjectIdResolver(o: ProjectIdResolverOptions): (region: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  // The lookup itself carries no X-Project-Id: signed headers are content-type;host;x-sdk-date.
  const authorizer = akskAuthorizer(o.credentials, o.now);

  async function lookup(region: string): Promise<string> {
    const result = await o.send({
      service: "IAM",
      operation: OPERATION,
      region,
      method: "GET",
      baseUrl: o.iamEndpointOf(region),
      path: "/v3/projects",
      query: { name: region },
      authorizer,
    });
    const projects = decode(iamProjectsBodySchema, result, { operation: OPERATION, region, service: "IAM" });
    const only = projects.length === 1 ? projects[0] : undefined;
    if (!only) {
      throw new SwrError({
        kind: "configuration",
        service: "IAM",
        operation: OPERATION,
        region,
        requestId: result.requestId,
        detail: `No IAM project for region ${region} (IAM listed ${projects.length}); enable the region for the account or set SWR_PROJECT_IDS`,
        message: msg("swrErrors.noProject", { region, count: projects.length }),
      });
    }
    return only.id;
  }

  return (region) => {
    const fixed = o.configured[region];
    if (fixed) return Promise.resolve(fixed);
    // Keyed like the SDK's cache (AK + region); a failed lookup is forgotten so the next call retries.
    const key = `${o.credentials.ak}\u0000${region}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = lookup(region);
      cache.set(key, pending);
      void pending.catch(() => cache.delete(key));
    }
    return pending;
  };
}
