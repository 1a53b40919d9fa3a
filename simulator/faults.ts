import { z } from "zod";
import { CODES, gatewayError, swrError, type SimError } from "./errors";
import { OPERATIONS, type OperationName } from "./operations";
import { seededRandom } from "./prng";
import { isServedRegion } from "./regions";

// Faults on demand, so tests and demos can script an unreliable SWR. Rates use a seeded PRNG and
// `count` fires on the next N matching requests only, so both replay identically.

const regionSelector = z
  .string()
  .refine((r) => r === "*" || isServedRegion(r), { message: "must be a served region ID or *" })
  .default("*");

const trigger = {
  region: regionSelector,
  /** Only these operations; all when omitted. */
  operations: z.array(z.enum(OPERATIONS)).min(1).optional(),
  /** Probability 0..1 per matching request. */
  rate: z.number().min(0).max(1).optional(),
  /** Fire on the next N matching requests, then never again. */
  count: z.number().int().min(0).optional(),
};

const faultRuleSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      ...trigger,
      kind: z.literal("error"),
      status: z.number().int().min(400).max(599).default(500),
      code: z.string().min(1).optional(),
      message: z.string().min(1).optional(),
    }),
    z.strictObject({ ...trigger, kind: z.literal("throttle"), retryAfterSeconds: z.number().int().min(0).max(3600).default(1) }),
    z.strictObject({ ...trigger, kind: z.literal("latency"), ms: z.number().int().min(0).max(600_000) }),
    z.strictObject({ ...trigger, kind: z.literal("hang") }),
    z.strictObject({ ...trigger, kind: z.literal("drop") }),
  ])
  .refine((r) => r.rate === undefined || r.count === undefined, { message: "give rate or count, not both" });

const syncFailureSchema = z.strictObject({
  /** Source region of the sync. */
  region: z.string().refine(isServedRegion, { message: "must be a served region ID" }),
  namespace: z.string().min(1),
  repository: z.string().min(1),
  /** Every tag of the repository when omitted. */
  tag: z.string().min(1).optional(),
  status: z.enum(["failed", "timeout", "cancel"]).default("failed"),
  reason: z.string().min(1).optional(),
  /** Fail the next N matching jobs only (a retry then succeeds); always when omitted. */
  count: z.number().int().min(0).optional(),
});

export const faultConfigSchema = z.strictObject({
  seed: z.number().int().default(1),
  rules: z.array(faultRuleSchema).default([]),
  syncFailures: z.array(syncFailureSchema).default([]),
});

export type FaultConfig = z.output<typeof faultConfigSchema>;
export type FaultConfigInput = z.input<typeof faultConfigSchema>;
export type FaultRule = FaultConfig["rules"][number];
type SyncFailure = FaultConfig["syncFailures"][number];

export type FaultAction = { kind: "none" } | { kind: "error"; error: SimError } | { kind: "hang" } | { kind: "drop" };

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction;
}

const NO_FAULTS: FaultConfig = { seed: 1, rules: [], syncFailures: [] };

export class Faults {
  private config: FaultConfig = NO_FAULTS;
  private random: () => number = seededRandom(1);

  constructor(initial: FaultConfig) {
    this.set(initial);
  }

  /** Replaces the configuration; counts start afresh and the PRNG restarts from the seed. */
  set(config: FaultConfig): void {
    this.config = structuredClone(config);
    this.random = seededRandom(config.seed);
  }

  /** The configuration with `count` showing what is left. */
  get current(): FaultConfig {
    return structuredClone(this.config);
  }

  decide(region: string, operation: OperationName, requestId: string): FaultDecision {
    const matching = this.config.rules.filter((r) => (r.region === "*" || r.region === region) && (!r.operations || r.operations.includes(operation)));
    let latencyMs = 0;
    for (const rule of matching) if (rule.kind === "latency" && this.fires(rule)) latencyMs += rule.ms;
    for (const rule of matching) {
      if (rule.kind === "latency" || !this.fires(rule)) continue;
      return { latencyMs, action: toAction(rule, requestId) };
    }
    return { latencyMs, action: { kind: "none" } };
  }

  /** The injected outcome for a finishing sync job, if one is configured; consumes one `count`. */
  syncFailure(region: string, namespace: string, repository: string, tag: string): Pick<SyncFailure, "status" | "reason"> | undefined {
    const failure = this.config.syncFailures.find(
      (f) => f.region === region && f.namespace === namespace && f.repository === repository && (f.tag === undefined || f.tag === tag) && f.count !== 0,
    );
    if (!failure) return undefined;
    if (failure.count !== undefined) failure.count -= 1;
    return { status: failure.status, reason: failure.reason };
  }

  private fires(rule: FaultRule): boolean {
    if (rule.count !== undefined) {
      if (rule.count === 0) return false;
      rule.count -= 1;
      return true;
    }
    return rule.rate === undefined || this.random() < rule.rate;
  }
}

function toAction(rule: Exclude<FaultRule, { kind: "latency" }>, requestId: string): FaultAction {
  switch (rule.kind) {
    case "error": {
      const code = rule.code ?? (rule.status >= 500 ? CODES.internal : CODES.invalidParameter);
      return { kind: "error", error: swrError(rule.status, code, rule.message ?? `injected HTTP ${rule.status} from the simulator`) };
    }
    case "throttle":
      return {
        kind: "error",
        error: gatewayError(429, CODES.gatewayThrottled, "The throttling threshold has been reached", requestId, {
          "Retry-After": String(rule.retryAfterSeconds),
        }),
      };
    case "hang":
    case "drop":
      return { kind: rule.kind };
  }
}
