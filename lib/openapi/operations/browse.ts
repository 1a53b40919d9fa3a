import { z } from "zod";
import {
  existingTagsDtoSchema,
  namespaceCheckDtoSchema,
  namespacesDtoSchema,
  regionsDtoSchema,
  syncTargetsDtoSchema,
  repositoryDetailDtoSchema,
  repositoryPageDtoSchema,
  tagNamesDtoSchema,
  tagPageDtoSchema,
} from "@/lib/browse/dto";
import {
  allTagsQuerySchema,
  existingTagsQuerySchema,
  namespaceCheckQuerySchema,
  namespacesQuerySchema,
  regionsQuerySchema,
  repositoriesQuerySchema,
  repositoryRefSchema,
  tagsQuerySchema,
} from "@/lib/validation/browse";
import { REGIONS_EXAMPLES } from "../examples";
import { SWR_ERRORS, type Operation } from "../operation";

// The browse API (docs/api.md "Browse"): every answer asks SWR.

export const BROWSE_OPERATIONS: Operation[] = [
  {
    id: "listRegions",
    method: "get",
    path: "/api/regions",
    summary: "List regions",
    description:
      "Without `source`, every region of the app's table. With `source`, where a sync from it may go: SWR's " +
      "ListSyncRegions narrowed to the seven documented sync regions (`origin: swr`), or, when SWR does not answer " +
      "with any of them, the documented sync regions minus the source (`origin: documented`); the source itself is " +
      "never listed. A source outside the documented sync regions answers `supported: false` and no regions.",
    tag: "Browse",
    access: "viewer",
    query: regionsQuerySchema,
    notes: { source: "The region a sync would start from; without it the answer is every region of the table." },
    responses: [
      {
        status: 200,
        description: "Every region (no `source`), or the sync targets of `source` with their origin.",
        json: {
          schema: z.union([regionsDtoSchema, syncTargetsDtoSchema]),
          name: "Regions",
          examples: REGIONS_EXAMPLES,
        },
      },
    ],
    errors: SWR_ERRORS,
  },
  {
    id: "listNamespaces",
    method: "get",
    path: "/api/namespaces",
    summary: "List the namespaces of a region",
    tag: "Browse",
    access: "viewer",
    query: namespacesQuerySchema,
    responses: [
      {
        status: 200,
        description: "The namespaces, by name; `auth` 7 manage, 3 write, 1 read.",
        json: { schema: namespacesDtoSchema, name: "Namespaces" },
      },
    ],
    errors: SWR_ERRORS,
  },
  {
    id: "checkNamespace",
    method: "get",
    path: "/api/namespaces/check",
    summary: "Check that a namespace exists",
    description:
      "Whether a namespace exists in a region (a sync target must); a missing one is `exists: false` with a sentence, not 404.",
    tag: "Browse",
    access: "viewer",
    query: namespaceCheckQuerySchema,
    responses: [
      {
        status: 200,
        description: "Whether it exists.",
        json: { schema: namespaceCheckDtoSchema, name: "NamespaceCheck" },
      },
    ],
    errors: SWR_ERRORS,
  },
  {
    id: "listRepositories",
    method: "get",
    path: "/api/repositories",
    summary: "List repositories",
    description:
      "One page of a region's repositories, optionally of one namespace and matching a part of the name.",
    tag: "Browse",
    access: "viewer",
    query: repositoriesQuerySchema,
    notes: { q: "A part of the repository name." },
    responses: [
      {
        status: 200,
        description: "One page of repositories.",
        json: { schema: repositoryPageDtoSchema, name: "RepositoryPage" },
      },
    ],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "getRepository",
    method: "get",
    path: "/api/repositories/detail",
    summary: "Get a repository",
    tag: "Browse",
    access: "viewer",
    query: repositoryRefSchema,
    responses: [
      {
        status: 200,
        description: "The repository's summary.",
        json: { schema: repositoryDetailDtoSchema, name: "RepositoryDetail" },
      },
    ],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "listTags",
    method: "get",
    path: "/api/tags",
    summary: "List the tags of a repository",
    tag: "Browse",
    access: "viewer",
    query: tagsQuerySchema,
    notes: { q: "A part of the tag name." },
    responses: [
      { status: 200, description: "One page of tags.", json: { schema: tagPageDtoSchema, name: "TagPage" } },
    ],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "listAllTagNames",
    method: "get",
    path: "/api/tags/all",
    summary: "List every matching tag name",
    description:
      "Every tag name matching `q` (for select-all-matching), at most 10,000; `truncated` when more match.",
    tag: "Browse",
    access: "viewer",
    query: allTagsQuerySchema,
    notes: { q: "A part of the tag name." },
    responses: [
      { status: 200, description: "The tag names.", json: { schema: tagNamesDtoSchema, name: "TagNames" } },
    ],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "findExistingTags",
    method: "get",
    path: "/api/tags/existing",
    summary: "Find which tags exist in a repository",
    description:
      "Which of the given tags already exist in a (target) repository, in the order asked; a repository that does not exist holds none.",
    tag: "Browse",
    access: "viewer",
    query: existingTagsQuerySchema,
    notes: { tag: "Repeat the parameter for each tag (`tag=a&tag=b`), 1–200 per request." },
    responses: [
      {
        status: 200,
        description: "The tags that exist, with their digests.",
        json: { schema: existingTagsDtoSchema, name: "ExistingTags" },
      },
    ],
    errors: SWR_ERRORS,
  },
];
