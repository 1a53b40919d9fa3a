import { compareScopeDtoSchema, repositoryComparisonDtoSchema } from "@/lib/compare/dto";
import { compareRepositoryQuerySchema, compareScopeQuerySchema } from "@/lib/compare/schemas";
import { MAX_COMPARE_TARGETS } from "@/lib/compare/scope";
import { COMPARISON_EXAMPLES } from "../examples";
import { SWR_ERRORS, type Operation } from "../operation";

// The compare API (docs/api.md "Compare"): a source namespace against other regions, tag by tag.

const TARGET_NOTE =
  `Repeated, 1–${MAX_COMPARE_TARGETS}: \`target=ap-southeast-1\` (the source's namespace there) or \`target=cn-east-3/team-b\`; ` +
  "never the source itself, each place once.";

export const COMPARE_OPERATIONS: Operation[] = [
  {
    id: "getCompareScope",
    method: "get",
    path: "/api/compare/repositories",
    summary: "List the repositories of a comparison",
    description:
      "Checks that the source namespace (and `repository`, when given) and every target namespace exist, and names the " +
      "repositories the comparison covers: the one asked for, or every repository of the source namespace. The page " +
      "then asks `GET /api/compare` for each of them.",
    tag: "Compare",
    access: "viewer",
    query: compareScopeQuerySchema,
    notes: { target: TARGET_NOTE, repository: "One repository of the source namespace; all of them when left out." },
    responses: [{ status: 200, description: "The places compared and the repositories, by name.", json: { schema: compareScopeDtoSchema, name: "CompareScope" } }],
    errors: [404, ...SWR_ERRORS],
  },
  {
    id: "compareRepository",
    method: "get",
    path: "/api/compare",
    summary: "Compare one repository with its targets",
    description:
      "Reads the source repository's tags once and each target's once, and says per tag and target whether the tag is " +
      "`missing` there, `identical` (same digest), `differs` (another digest) or `only_in_target`. A target without the " +
      "repository holds none of its tags. A read SWR refuses or fails (403, 5xx, throttling that outlasts the retries) " +
      "is that side's `failure`, in a code and in words, and the other sides are still compared.",
    tag: "Compare",
    access: "viewer",
    query: compareRepositoryQuerySchema,
    notes: { target: TARGET_NOTE },
    responses: [
      {
        status: 200,
        description: "Counts per target and one row per tag.",
        json: { schema: repositoryComparisonDtoSchema, name: "RepositoryComparison", examples: COMPARISON_EXAMPLES },
      },
    ],
    errors: [404, ...SWR_ERRORS],
  },
];
