import "server-only";
import { z } from "zod";

// The only module that reads process.env: every setting is validated here once.
// Its problems are for the operator: logged in English at start-up (instrumentation-node.ts), which then exits; a
// route that meets one answers errors.internal, so none of these sentences reaches a person through a page or the API.

const REGION_PLACEHOLDER = "{region}";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const projectIds = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const out: Record<string, string> = {};
    for (const pair of (raw ?? "").split(",").map((p) => p.trim()).filter(Boolean)) {
      const [region, id] = pair.split("=").map((s) => s.trim());
      if (!region || !id) {
        ctx.addIssue({ code: "custom", message: `expected region=projectId pairs, got "${pair}"` });
        return z.NEVER;
      }
      out[region] = id;
    }
    return out;
  });

/** Empty, or 32 bytes in base64: an AES-256 key. */
const encryptionKey = optionalString.refine((v) => v === undefined || (/^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, "base64").length === 32), {
  message: "must be 32 bytes in base64 (generate one with: openssl rand -base64 32)",
});

const retryDelays = z
  .string()
  .default("60000,300000,600000,900000")
  .transform((raw, ctx) => {
    const delays = raw.split(",").map((p) => Number(p.trim()));
    if (delays.length > 9 || delays.some((d) => !Number.isInteger(d) || d < 0)) {
      ctx.addIssue({ code: "custom", message: "expected up to 9 comma-separated waits in milliseconds, e.g. 60000,300000" });
      return z.NEVER;
    }
    return delays;
  });

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // `pretty` needs pino-pretty, a development dependency (npm run demo uses it); production logs JSON lines.
    LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
    DATABASE_URL: z
      .string()
      .default("file:./data/swr-sync.db")
      .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), {
        message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      }),
    NEXTAUTH_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters (generate one with: openssl rand -base64 32)",
    }),
    NEXTAUTH_URL: z.url().optional(),
    // Reverse proxies in front of the app that append to X-Forwarded-For; 0: none, the header is the client's own word.
    TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    // Next's switch that leaves SIGTERM/SIGINT to the app (lib/shutdown.ts), which lets work in progress go before exiting.
    NEXT_MANUAL_SIG_HANDLE: optionalString,
    SWR_ENDPOINT: z
      .string()
      .default("https://swr-api.{region}.myhuaweicloud.com")
      .refine((v) => v.includes(REGION_PLACEHOLDER), { message: "must contain {region}" })
      .refine((v) => URL.canParse(v.replace(REGION_PLACEHOLDER, "cn-north-4")), { message: "must be a URL" }),
    IAM_ENDPOINT: z
      .string()
      .default("https://iam.myhuaweicloud.com")
      .refine((v) => URL.canParse(v.replace(REGION_PLACEHOLDER, "cn-north-4")), { message: "must be a URL" }),
    SWR_AK: optionalString,
    SWR_SK: optionalString,
    SWR_SECURITY_TOKEN: optionalString,
    SWR_IAM_DOMAIN: optionalString,
    SWR_IAM_USER: optionalString,
    SWR_IAM_PASSWORD: optionalString,
    SWR_PROJECT_IDS: projectIds,
    SWR_DEFAULT_REGION: z.string().regex(/^[a-z]{2}-[a-z]+-\d+$/, "must be a region ID such as cn-north-4").default("cn-north-4"),
    SWR_TIMEOUT_MS: positiveInt(15_000),
    SWR_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(5).default(3),
    // The sync engine inside the server process (lib/sync); `off` for a web-only instance.
    SYNC_ENGINE: z.enum(["on", "off"]).default("on"),
    SYNC_CHUNK_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    SYNC_POLL_MS: z.coerce.number().int().min(100).default(5_000),
    SYNC_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
    SYNC_NO_PROGRESS_MINUTES: z.coerce.number().positive().default(30),
    SYNC_RECORD_WINDOW_MS: z.coerce.number().int().min(0).default(120_000),
    SYNC_SUBMIT_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    // Time limit of one SWR call made by the engine; never above SWR_TIMEOUT_MS.
    SYNC_SWR_TIMEOUT_MS: positiveInt(5_000),
    // Unique per instance and the same across its restarts (e.g. a StatefulSet pod name); unset: a new id per process.
    SYNC_INSTANCE_ID: z.string().trim().min(1).max(100).regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces").optional(),
    SYNC_RECORD_PAGE_SIZE: z.coerce.number().int().min(10).max(1000).default(1000),
    SYNC_MAX_TAGS_PER_JOB: z.coerce.number().int().min(1).max(50_000).default(50_000),
    // GET /api/metrics asks for `Authorization: Bearer <METRICS_TOKEN>` when set.
    METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, { message: "must be at least 16 characters" }),
    // Webhook secrets are stored encrypted under this key (32 bytes, base64); the previous key only decrypts, during a rotation.
    APP_ENCRYPTION_KEY: encryptionKey,
    APP_ENCRYPTION_KEY_PREVIOUS: encryptionKey,
    // Lets webhooks reach loopback, private and link-local addresses (a receiver on the same host or network).
    WEBHOOK_ALLOW_PRIVATE: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
    // The webhook delivery worker inside the server process; `off` for an instance that should not send.
    WEBHOOK_WORKER: z.enum(["on", "off"]).default("on"),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    WEBHOOK_POLL_MS: z.coerce.number().int().min(50).default(2_000),
    // Waits before the 2nd, 3rd … attempt; their count + 1 is the number of attempts (at most 10).
    WEBHOOK_RETRY_DELAYS_MS: retryDelays,
  })
  .superRefine((env, ctx) => {
    const aksk = [env.SWR_AK, env.SWR_SK].filter(Boolean).length;
    const iam = [env.SWR_IAM_DOMAIN, env.SWR_IAM_USER, env.SWR_IAM_PASSWORD].filter(Boolean).length;
    if (aksk === 1) {
      ctx.addIssue({ code: "custom", path: [env.SWR_AK ? "SWR_SK" : "SWR_AK"], message: "SWR_AK and SWR_SK go together" });
    }
    if (iam > 0 && iam < 3) {
      for (const k of ["SWR_IAM_DOMAIN", "SWR_IAM_USER", "SWR_IAM_PASSWORD"] as const) {
        if (!env[k]) ctx.addIssue({ code: "custom", path: [k], message: "required for IAM token sign-in" });
      }
    }
    if (aksk === 0 && iam === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["SWR_AK"],
        message: "set SWR_AK and SWR_SK (or SWR_IAM_DOMAIN, SWR_IAM_USER and SWR_IAM_PASSWORD) to reach SWR",
      });
    }
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "required in production" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration, read lazily so that `next build` needs none of it. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
