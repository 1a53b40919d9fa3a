import type { OpRequest } from "./context";
import { namespaceNotFound, repositoryNotFound } from "./errors";
import type { Namespace, Repo } from "./model";
import { assertNamespaceName, assertRepositoryName } from "./names";

function findNamespace(r: OpRequest, name: string): Namespace {
  const ns = r.sim.store.namespace(r.region, name);
  if (!ns) throw namespaceNotFound(name, r.region);
  return ns;
}

/** The namespace named in the path: 400 for an invalid name, 404 when it does not exist in the called region. */
export function requireNamespace(r: OpRequest): Namespace {
  const name = r.params.namespace ?? "";
  assertNamespaceName(name);
  return findNamespace(r, name);
}

/** The namespace and repository named in the path (the repository with `$` already turned into `/`). */
export function requireRepo(r: OpRequest): { ns: Namespace; repo: Repo } {
  const nsName = r.params.namespace ?? "";
  const name = r.params.repository ?? "";
  assertNamespaceName(nsName);
  assertRepositoryName(name);
  const ns = findNamespace(r, nsName);
  const repo = r.sim.store.repo(ns, name);
  if (!repo) throw repositoryNotFound(ns.name, name, r.region);
  return { ns, repo };
}
