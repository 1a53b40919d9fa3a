import { z } from "zod";
import { messageParamsSchema } from "@/i18n/message-schema";
import { SWR_FAILURE_CODES } from "@/lib/swr/failure";
import { COMPARE_OUTCOMES } from "./classify";

// What the compare API answers; the compare page reads the answers as their types.

export const comparePlaceDtoSchema = z.object({ region: z.string(), namespace: z.string() });

/** The repositories a comparison covers and the places it compares, as the server resolved them. */
export const compareScopeDtoSchema = z.object({
  source: comparePlaceDtoSchema,
  targets: z.array(comparePlaceDtoSchema),
  /** Repository names, by name. */
  repositories: z.array(z.string()),
});

/** A read of SWR that failed: `code` for the reader's language, `message` in English with SWR's own detail. */
export const swrFailureDtoSchema = z.object({
  code: z.enum(SWR_FAILURE_CODES),
  region: z.string(),
  status: z.number().int().nullable(),
  message: z.string(),
  key: z.string().optional(),
  params: messageParamsSchema.optional(),
});

export const outcomeCountsDtoSchema = z.object({
  missing: z.number().int(),
  identical: z.number().int(),
  differs: z.number().int(),
  only_in_target: z.number().int(),
});

export const compareTagDtoSchema = z.object({
  tag: z.string(),
  /** The source's digest, its first 12 hex digits; null for a tag only targets have. */
  shortDigest: z.string().nullable(),
  /** When the tag was last pushed, in the source (or in the first target that has it). */
  updatedAt: z.string().nullable(),
  /** One per target, in the order of `targets`; null where neither side has the tag or the target could not be read. */
  outcomes: z.array(z.enum(COMPARE_OUTCOMES).nullable()),
  /** Per target, the target's digest (12 hex digits) where it differs from the source's; left out when none does. */
  targetDigests: z.array(z.string().nullable()).optional(),
});

export const compareTargetResultDtoSchema = comparePlaceDtoSchema.extend({
  counts: outcomeCountsDtoSchema,
  /** More tags than one comparison reads: tags past the limit count as missing. */
  truncated: z.boolean(),
  failure: swrFailureDtoSchema.nullable(),
});

export const repositoryComparisonDtoSchema = z.object({
  repository: z.string(),
  source: z.object({ tagCount: z.number().int(), truncated: z.boolean(), failure: swrFailureDtoSchema.nullable() }),
  targets: z.array(compareTargetResultDtoSchema),
  /** The source's tags in SWR's order, then tags only targets have, by name. */
  tags: z.array(compareTagDtoSchema),
});

export type ComparePlaceDto = z.infer<typeof comparePlaceDtoSchema>;
export type CompareScopeDto = z.infer<typeof compareScopeDtoSchema>;
export type SwrFailureDto = z.infer<typeof swrFailureDtoSchema>;
export type OutcomeCountsDto = z.infer<typeof outcomeCountsDtoSchema>;
export type CompareTagDto = z.infer<typeof compareTagDtoSchema>;
export type CompareTargetResultDto = z.infer<typeof compareTargetResultDtoSchema>;
export type RepositoryComparisonDto = z.infer<typeof repositoryComparisonDtoSchema>;
