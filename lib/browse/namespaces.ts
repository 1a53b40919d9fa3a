import "server-only";
import { getSwrClient, isSwrError, type SwrClient } from "@/lib/swr";
import type { NamespaceCheckDto, NamespaceDto } from "./dto";
import { toNamespaceDto } from "./map";

type NamespacesSwr = Pick<SwrClient, "listNamespaces" | "showNamespace">;

/** The namespaces these credentials may use in a region, by name. */
export async function listNamespaces(region: string, swr: NamespacesSwr = getSwrClient()): Promise<NamespaceDto[]> {
  const namespaces = await swr.listNamespaces(region);
  return namespaces.map(toNamespaceDto).sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether a namespace exists in a region (a sync target must), with the caller's permission on it. */
export async function checkNamespace(region: string, namespace: string, swr: NamespacesSwr = getSwrClient()): Promise<NamespaceCheckDto> {
  try {
    const found = await swr.showNamespace(region, namespace);
    return { exists: true, auth: found.auth };
  } catch (error) {
    if (isSwrError(error) && error.status === 404) return { exists: false, message: error.message };
    throw error;
  }
}
