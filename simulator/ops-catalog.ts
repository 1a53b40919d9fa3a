import type { OpHandler } from "./context";
import { invalidParameter, resourceNotFound } from "./errors";
import { requireNamespace } from "./lookup";
import { listParams } from "./query";
import { isSyncRegion, registryHost, SYNC_REGIONS } from "./regions";
import { namespaceWire } from "./wire";

// API versions, namespaces and sync regions (contract §8.1–8.3, §8.12).

const V2 = { id: "v2", min_version: "2.0", status: "CURRENT", updated: "2020-07-09T00:00:00Z", version: "2.26" } as const;
const versionDetail = (baseUrl: string) => ({ ...V2, links: { href: `${baseUrl}/v2/`, rel: "self" } });

// GET / — ListApiVersions
export const listApiVersions: OpHandler = (r) => ({ status: 200, body: { versions: [versionDetail(r.baseUrl)] } });

// GET /{api_version} — ShowApiVersion
export const showApiVersion: OpHandler = (r) => {
  if (r.params.api_version !== V2.id) throw resourceNotFound(`API version ${r.params.api_version} does not exist; the only version is v2`);
  return { status: 200, body: { version: versionDetail(r.baseUrl) } };
};

// GET /v2/manage/namespaces — ListNamespaces; `namespace` is a substring match, `mode::visible` (filter only) adds namespaces seen only through a repository
export const listNamespaces: OpHandler = (r) => {
  const { params, viaFilter } = listParams(r.query, ["namespace", "mode"]);
  const mode = viaFilter ? params.mode : undefined;
  if (mode !== undefined && mode !== "visible") throw invalidParameter(`invalid mode "${mode}": expected visible`);
  const wanted = params.namespace;
  const namespaces = r.sim.store
    .namespaces(r.region)
    .filter((ns) => (mode === "visible" || !ns.visibleOnly) && (wanted === undefined || ns.name.includes(wanted)));
  return { status: 200, body: { namespaces: namespaces.map(namespaceWire) } };
};

// GET /v2/manage/namespaces/{namespace} — ShowNamespace
export const showNamespace: OpHandler = (r) => ({ status: 200, body: namespaceWire(requireNamespace(r)) });

// GET /v2/manage/regions — ListSyncRegions: the other sync regions, in the newer shape with `registryURL`; none outside them
export const listSyncRegions: OpHandler = (r) => ({
  status: 200,
  body: isSyncRegion(r.region) ? SYNC_REGIONS.filter((id) => id !== r.region).map((regionID) => ({ regionID, registryURL: registryHost(regionID) })) : [],
});
