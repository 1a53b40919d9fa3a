import { z } from "zod";
import { msg } from "@/i18n/message";
import { namespaceNameSchema, repositoryNameSchema } from "@/lib/swr/names";
import { knownRegionSchema } from "@/lib/validation/browse";
import { customIssue, issueMessage } from "@/lib/validation/issue-messages";
import { type ComparePlace, type CompareScope, MAX_COMPARE_TARGETS } from "./scope";

// Inputs of the compare API (docs/api.md "Compare"); pure. The compare page checks its URL with scope.ts, which
// follows these rules without zod.

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const TARGET_SHAPE = "jobErrors.compare.targetShape";

const targetSpecSchema = z
  .string(TARGET_SHAPE)
  .max(200, { message: TARGET_SHAPE, abort: true })
  .transform((v, ctx): { region: string; namespace?: string } => {
    const parts = v.trim().split("/");
    if (parts.length > 2) {
      ctx.addIssue({ code: "custom", message: TARGET_SHAPE });
      return z.NEVER;
    }
    const [region = "", namespace = ""] = parts;
    const checks = [
      ["region", knownRegionSchema.safeParse(region)],
      ["namespace", namespace === "" ? null : namespaceNameSchema.safeParse(namespace)],
    ] as const;
    for (const [key, check] of checks) {
      for (const issue of check?.error?.issues ?? []) ctx.addIssue(customIssue(issueMessage(issue), [key]));
    }
    return namespace === "" ? { region } : { region, namespace };
  });

// A repeated query parameter arrives as a string once and as an array after that.
export const targetListSchema = z
  .union([z.string(), z.array(z.string())], TARGET_SHAPE)
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(
    z
      .array(targetSpecSchema)
      .min(1, "jobErrors.compare.pickTargets")
      .max(MAX_COMPARE_TARGETS, { message: "jobErrors.compare.tooManyTargets", abort: true }),
  );

const placeFields = {
  region: knownRegionSchema,
  namespace: namespaceNameSchema,
  target: targetListSchema,
};

export type PlaceInput = { region: string; namespace: string; target: { region: string; namespace?: string }[] };

/** Targets with their namespace filled in (the source's by default), each once, none the source itself. */
export function resolveTargets<T extends PlaceInput>(input: T, ctx: z.RefinementCtx): Omit<T, "target"> & { targets: ComparePlace[] } {
  const { target, ...rest } = input;
  const targets = target.map((t) => ({ region: t.region, namespace: t.namespace ?? input.namespace }));
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    const key = `${t.region}/${t.namespace}`;
    if (t.region === input.region && t.namespace === input.namespace) {
      ctx.addIssue(customIssue(msg("jobErrors.compare.targetIsSource", { target: key }), ["target", i]));
    } else if (seen.has(key)) {
      ctx.addIssue(customIssue(msg("jobErrors.compare.targetTwice", { target: key }), ["target", i]));
    }
    seen.add(key);
  });
  return { ...rest, targets };
}

/** GET /api/compare/repositories: the source namespace (or one repository of it) and the targets. */
export const compareScopeQuerySchema = z
  .object({ ...placeFields, repository: z.preprocess(emptyToUndefined, repositoryNameSchema.optional()) })
  .transform(resolveTargets);

/** GET /api/compare: one repository of the source against the targets. */
export const compareRepositoryQuerySchema = z.object({ ...placeFields, repository: repositoryNameSchema }).transform(resolveTargets);

export type CompareScopeQuery = z.output<typeof compareScopeQuerySchema>;
// Compile-time check that the browser's check (scope.ts) yields what this schema does.
const _sameScope: [CompareScopeQuery, CompareScope] extends [CompareScope, CompareScopeQuery] ? true : never = true;
export type CompareRepositoryQuery = z.output<typeof compareRepositoryQuerySchema>;
