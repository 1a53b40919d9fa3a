import "server-only";
import { env } from "@/lib/env";
import { browseOperations } from "./browse";
import { createSwrCaller } from "./caller";
import { resolveSwrConfig, type SwrClientConfig, swrConfigFromEnv } from "./config";
import { syncOperations } from "./sync";

// The typed SWR client: one function per operation; credentials live only in closures.

export function createSwrClient(config: SwrClientConfig) {
  const swr = createSwrCaller(resolveSwrConfig(config));
  return Object.freeze({
    /** SWR base URL of a region (no credentials in it). */
    endpointOf: (region: string) => swr.swrEndpointOf(region),
    ...browseOperations(swr),
    ...syncOperations(swr),
  });
}

export type SwrClient = ReturnType<typeof createSwrClient>;

let shared: SwrClient | undefined;

/** The app's client, configured from the environment on first use. */
export function getSwrClient(): SwrClient {
  shared ??= createSwrClient(swrConfigFromEnv(env()));
  return shared;
}
