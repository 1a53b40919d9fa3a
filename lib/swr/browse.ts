import "server-only";
import { readRepository, type SwrCaller } from "./caller";
import { decode } from "./decode";
import { SwrError } from "./errors";
import { tagNameSchema } from "./names";
import {
  type ListNamespacesOptions,
  listNamespacesOptionsSchema,
  type ListReposOptions,
  listReposOptionsSchema,
  type ListTagsOptions,
  listTagsOptionsSchema,
} from "./options";
import { collectPages, type Page, toPage, walkPages, type WalkOptions } from "./pagination";
import { filterParam, namespacePath } from "./paths";
import {
  type ApiVersion,
  apiVersionsBodySchema,
  type Namespace,
  namespaceSchema,
  namespacesBodySchema,
  type Repo,
  repositoryDetailSchema,
  type RepositoryDetail,
  reposBodySchema,
  type Tag,
  tagsBodySchema,
} from "./wire";

// Read operations: versions, organisations, repositories, tags (contract §8.1–§8.6).

export interface ProbeResult {
  kind: "simulator" | "huawei-cloud";
  endpoint: string;
  apiVersion: string;
  latencyMs: number;
}

const SIMULATOR_SERVER = "swr-simulator";

export function browseOperations(swr: SwrCaller) {
  async function listApiVersionsWithServer(region: string) {
    const operation = "ListApiVersions";
    const result = await swr.call({ operation, region, method: "GET", path: "/" });
    return { versions: decode(apiVersionsBodySchema, result, { operation, region }), server: result.server };
  }

  async function listApiVersions(region: string): Promise<ApiVersion[]> {
    return (await listApiVersionsWithServer(region)).versions;
  }

  /** Which SWR answers in a region and how fast (the first call also resolves credentials). */
  async function probe(region: string): Promise<ProbeResult> {
    const started = performance.now();
    const { versions, server } = await listApiVersionsWithServer(region);
    const current = versions.find((v) => v.status === "CURRENT") ?? versions[0];
    return {
      kind: server?.toLowerCase().includes(SIMULATOR_SERVER) ? "simulator" : "huawei-cloud",
      endpoint: swr.swrEndpointOf(region),
      apiVersion: current ? current.version || current.id : "unknown",
      latencyMs: Math.round(performance.now() - started),
    };
  }

  async function listNamespaces(region: string, options: ListNamespacesOptions = {}): Promise<Namespace[]> {
    const operation = "ListNamespaces";
    const { namespace, mode } = listNamespacesOptionsSchema.parse(options);
    const filter = filterParam({ namespace, mode });
    const result = await swr.call({ operation, region, method: "GET", path: "/v2/manage/namespaces", query: { filter } });
    return decode(namespacesBodySchema, result, { operation, region });
  }

  async function showNamespace(region: string, namespace: string): Promise<Namespace> {
    const operation = "ShowNamespace";
    const result = await swr.call({ operation, region, method: "GET", path: namespacePath(namespace), resource: { namespace } });
    return decode(namespaceSchema, result, { operation, region });
  }

  async function listReposOnce(region: string, o: ReturnType<typeof listReposOptionsSchema.parse>, name: string | undefined) {
    const operation = "ListReposDetails";
    const result = await swr.call({
      operation,
      region,
      method: "GET",
      path: "/v2/manage/repos",
      query: {
        namespace: o.namespace,
        name,
        category: o.category,
        is_public: o.isPublic === undefined ? undefined : String(o.isPublic),
        limit: String(o.limit),
        offset: String(o.offset),
        order_column: o.orderColumn,
        order_type: o.orderColumn ? (o.orderType ?? "desc") : undefined,
      },
      resource: { namespace: o.namespace },
    });
    const items = decode(reposBodySchema, result, { operation, region });
    return toPage<Repo>(items, o, result.contentRange, items[0]?.total_range || undefined);
  }

  async function listRepos(region: string, options: ListReposOptions = {}): Promise<Page<Repo>> {
    const o = listReposOptionsSchema.parse(options);
    const page = await listReposOnce(region, o, o.name);
    // Whether `name=` wants `/` or `$` is unverified (§11 #10): try `$` when `/` found nothing.
    if (page.items.length === 0 && o.offset === 0 && o.name?.includes("/")) {
      return listReposOnce(region, o, o.name.replaceAll("/", "$"));
    }
    return page;
  }

  async function showRepository(region: string, namespace: string, repository: string): Promise<RepositoryDetail> {
    const operation = "ShowRepository";
    const result = await readRepository(swr, { operation, region, namespace, repository });
    return decode(repositoryDetailSchema, result, { operation, region });
  }

  async function listTags(region: string, namespace: string, repository: string, options: ListTagsOptions = {}): Promise<Page<Tag>> {
    const operation = "ListRepositoryTags";
    const o = listTagsOptionsSchema.parse(options);
    const result = await readRepository(swr, {
      operation,
      region,
      namespace,
      repository,
      suffix: "/tags",
      query: {
        limit: String(o.limit),
        offset: String(o.offset),
        order_column: o.orderColumn,
        order_type: o.orderColumn ? (o.orderType ?? "desc") : undefined,
        tag: o.tag,
      },
    });
    return toPage(decode(tagsBodySchema, result, { operation, region }), o, result.contentRange);
  }

  /** The tag named exactly `tag`, or undefined when it or its repository does not exist. */
  async function findTag(region: string, namespace: string, repository: string, tag: string): Promise<Tag | undefined> {
    tagNameSchema.parse(tag);
    const pages = walkPages((offset, limit) => listTags(region, namespace, repository, { offset, limit, tag }), { maxItems: 1000 });
    try {
      // SWR's `tag=` filter may be fuzzy, so the name is compared here.
      for await (const page of pages) {
        const hit = page.items.find((t) => t.Tag === tag);
        if (hit) return hit;
      }
      return undefined;
    } catch (e) {
      if (e instanceof SwrError && e.status === 404) return undefined;
      throw e;
    }
  }

  return {
    listApiVersions,
    probe,
    listNamespaces,
    showNamespace,
    listRepos,
    listAllRepos: (region: string, options: Omit<ListReposOptions, "limit" | "offset"> = {}, walk?: WalkOptions) =>
      collectPages((offset, limit) => listRepos(region, { ...options, offset, limit }), walk),
    showRepository,
    listTags,
    listAllTags: (region: string, namespace: string, repository: string, options: Omit<ListTagsOptions, "limit" | "offset"> = {}, walk?: WalkOptions) =>
      collectPages((offset, limit) => listTags(region, namespace, repository, { ...options, offset, limit }), walk),
    findTag,
  };
}
