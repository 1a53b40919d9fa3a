import { english } from "@/i18n/english";
import type { Readiness } from "@/lib/health/dto";
import type { RepositoryComparisonDto } from "@/lib/compare/dto";
import { documentedSyncTargets, regionLabel } from "@/lib/swr/regions";
import type { JobDetail } from "@/lib/jobs/dto";
import type { TokenDto } from "@/lib/tokens/dto";
import type { DeliveryDto, WebhookDto } from "@/lib/webhooks/dto";
import { acceptedBy } from "@/lib/webhooks/formats";
import type { Example } from "./operation";

// Example requests and answers of the API document; the document's test parses each with the route's own schema.

const route = {
  sourceRegion: "cn-north-4",
  sourceNamespace: "team-a",
  sourceRepository: "nginx",
  targetRegion: "ap-southeast-1",
  targetNamespace: "team-b",
};

export const CREATE_JOB_EXAMPLES: Record<string, Example> = {
  tags: { summary: "Two tags by name", value: { ...route, tags: ["1.25.3", "latest"], override: false } },
  pattern: {
    summary: "Every tag matching a pattern, when the job is created",
    value: { ...route, tagSelector: { pattern: "1.25.*" }, override: false },
  },
  all: {
    summary: "Every tag, replacing tags that already exist in the target",
    value: { ...route, tagSelector: { all: true }, override: true },
  },
  namespace: {
    summary: "Several repositories of a namespace to two regions: every tag of one, a pattern of another",
    value: {
      source: { region: "cn-north-4", namespace: "team-a" },
      repositories: [{ name: "nginx", tagSelector: { all: true } }, { name: "api", tagSelector: { pattern: "v2.*" } }, { name: "web", tags: ["latest"] }],
      targets: [
        { region: "ap-southeast-1", namespace: "team-a" },
        { region: "cn-east-3", namespace: "team-a" },
      ],
      override: false,
    },
  },
};

const region = (id: string) => ({ id, label: regionLabel(id) });

export const REGIONS_EXAMPLES: Record<string, Example> = {
  all: { summary: "Without source: every region of the table (shortened)", value: { regions: ["af-south-1", "ap-southeast-1"].map(region) } },
  targets: {
    summary: "The sync targets of cn-north-4, from SWR's documented sync regions",
    value: { supported: true, origin: "documented", regions: documentedSyncTargets("cn-north-4") },
  },
  unsupported: { summary: "A source SWR does not sync from (cn-southwest-2)", value: { supported: false, origin: "documented", regions: [] } },
};

export const EMPTY_BODY_EXAMPLES: Record<string, Example> = { empty: { summary: "No options", value: {} } };

export const UPDATE_USER_EXAMPLES: Record<string, Example> = {
  role: { summary: "Make the user an operator", value: { role: "operator" } },
  disable: { summary: "Disable the account (ends its sessions)", value: { disabled: true } },
};

const JOB_DETAIL: JobDetail = {
  id: "cm4x7k2p10000abcd1234efgh",
  status: "running",
  ...route,
  repositoryCount: 1,
  targetCount: 1,
  targets: [{ region: route.targetRegion, namespace: route.targetNamespace }],
  override: false,
  tagSelection: null,
  createdBy: { email: "operator@example.com" },
  createdAt: "2026-12-01T08:00:00.000Z",
  updatedAt: "2026-12-01T08:00:05.000Z",
  progressAt: "2026-12-01T08:00:04.000Z",
  finishedAt: null,
  attempt: 1,
  counts: { total: 2, queued: 1, active: 1, succeeded: 0, failed: 0, cancelled: 0, skipped: 0, kept: 0 },
  cancel: null,
  live: true,
  version: "1764576005000",
};

export const JOB_ANSWER_EXAMPLES: Record<string, Example> = {
  running: { summary: "A job with one tag sent to SWR", value: { job: JOB_DETAIL } },
  kept: {
    summary: "A finished job: one tag synced, one already identical, two kept (the target holds other images, override off)",
    value: {
      job: {
        ...JOB_DETAIL,
        status: "succeeded",
        updatedAt: "2026-12-01T08:00:40.000Z",
        finishedAt: "2026-12-01T08:00:40.000Z",
        counts: { total: 4, queued: 0, active: 0, succeeded: 1, failed: 0, cancelled: 0, skipped: 1, kept: 2 },
        live: false,
        version: "1764576040000",
      },
    },
  },
};

export const JOB_PLAN_EXAMPLES: Record<string, Example> = {
  plan: {
    summary: "Two tags: one new in the target, one already identical there",
    value: {
      plan: {
        count: 2,
        tags: ["1.25.3", "latest"],
        truncated: false,
        classes: { new: 1, identical: 1, overwrite: 0, keep: 0 },
        samples: {
          new: [{ repository: "nginx", tag: "1.25.3", targetRegion: "ap-southeast-1", targetNamespace: "team-b" }],
          identical: [{ repository: "nginx", tag: "latest", targetRegion: "ap-southeast-1", targetNamespace: "team-b" }],
          overwrite: [],
          keep: [],
        },
        groups: [{ repository: "nginx", targetRegion: "ap-southeast-1", targetNamespace: "team-b", new: 1, identical: 1, overwrite: 0, keep: 0 }],
      },
    },
  },
};

// API tokens (docs/api.md "API tokens").

export const CREATE_TOKEN_EXAMPLES: Record<string, Example> = {
  pipeline: {
    summary: "An operator token for a CI pipeline, valid 90 days",
    value: { name: "CI release pipeline", expiresInDays: 90, role: "operator" },
  },
};

const TOKEN: TokenDto = {
  id: "cm4x9t0k20003abcd5678ijkl",
  name: "CI release pipeline",
  role: "operator",
  prefix: "swrs_1a2b3c4d",
  createdAt: "2026-12-01T08:00:00.000Z",
  expiresAt: "2027-03-01T08:00:00.000Z",
  lastUsedAt: null,
  revokedAt: null,
};

export const CREATED_TOKEN_EXAMPLES: Record<string, Example> = {
  created: {
    summary: "The new token and its text, shown this once",
    value: { token: TOKEN, secret: "swrs_1a2b3c4d_EXAMPLE-not-a-real-token-0123456789abcdefgh" },
  },
};

export const TOKENS_EXAMPLES: Record<string, Example> = {
  one: {
    summary: "One token, used an hour ago",
    value: { tokens: [{ ...TOKEN, lastUsedAt: "2026-12-05T14:30:00.000Z" }] },
  },
};

export const REVOKED_TOKEN_EXAMPLES: Record<string, Example> = {
  revoked: {
    summary: "The token after its revocation",
    value: {
      token: { ...TOKEN, lastUsedAt: "2026-12-05T14:30:00.000Z", revokedAt: "2026-12-06T09:00:00.000Z" },
    },
  },
};

// Webhooks (docs/api.md "Webhooks").

export const CREATE_WEBHOOK_EXAMPLES: Record<string, Example> = {
  signed: {
    summary: "Signed JSON for failed and cancelled jobs",
    value: {
      name: "Release tracker",
      url: "https://hooks.example.com/swr-sync",
      format: "generic",
      events: ["job.failed", "job.cancelled"],
      secret: "a-long-random-shared-secret",
    },
  },
  chat: {
    summary: "A WeCom group robot for every outcome, its cards in Chinese, off for now",
    value: {
      name: "Team chat",
      url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=EXAMPLE",
      format: "wecom",
      language: "zh-CN",
      events: ["job.succeeded", "job.failed", "job.kept", "job.cancelled"],
      enabled: false,
    },
  },
};

export const UPDATE_WEBHOOK_EXAMPLES: Record<string, Example> = {
  disable: { summary: "Pause deliveries", value: { enabled: false } },
  rotate: { summary: "Replace the secret", value: { secret: "another-long-random-shared-secret" } },
  unsign: { summary: "Remove the secret (deliveries are no longer signed)", value: { secret: null } },
};

const WEBHOOK: WebhookDto = {
  id: "cm4xa1b2c0007abcd9012mnop",
  name: "Release tracker",
  url: "https://hooks.example.com/swr-sync",
  format: "generic",
  language: "en",
  events: ["job.failed", "job.cancelled"],
  enabled: true,
  secretSet: true,
  createdByEmail: "admin@example.com",
  createdAt: "2026-12-01T08:00:00.000Z",
  updatedAt: "2026-12-01T08:00:00.000Z",
};

export const WEBHOOK_EXAMPLES: Record<string, Example> = {
  signed: { summary: "A signed webhook (the secret itself is never answered)", value: { webhook: WEBHOOK } },
};

export const WEBHOOKS_EXAMPLES: Record<string, Example> = {
  one: { summary: "One webhook", value: { webhooks: [WEBHOOK] } },
};

const TEST_DELIVERY: DeliveryDto = {
  id: "cm4xb3c4d0009abcd3456qrst",
  event: "test",
  jobId: null,
  status: "queued",
  attempts: 0,
  nextAttemptAt: "2026-12-06T10:00:00.000Z",
  lastStatusCode: null,
  lastLatencyMs: null,
  lastError: null,
  lastErrorMessage: null,
  createdAt: "2026-12-06T10:00:00.000Z",
  deliveredAt: null,
  attemptLog: [],
};

/** A receiver's refusal as the worker records it. */
const UNAVAILABLE = acceptedBy("generic", 503, "Service Unavailable").error!;

export const DELIVERY_EXAMPLES: Record<string, Example> = {
  queued: { summary: "The test event, queued for the worker", value: { delivery: TEST_DELIVERY } },
};

export const DELIVERIES_EXAMPLES: Record<string, Example> = {
  retried: {
    summary: "A job event delivered on its second attempt",
    value: {
      deliveries: [
        {
          id: "cm4xc5d6e0011abcd7890uvwx",
          event: "job.failed",
          jobId: "cm4x7k2p10000abcd1234efgh",
          status: "succeeded",
          attempts: 2,
          nextAttemptAt: null,
          lastStatusCode: 200,
          lastLatencyMs: 84,
          lastError: null,
          lastErrorMessage: null,
          createdAt: "2026-12-06T10:00:00.000Z",
          deliveredAt: "2026-12-06T10:01:00.120Z",
          attemptLog: [
            {
              number: 1,
              at: "2026-12-06T10:00:00.050Z",
              ok: false,
              statusCode: 503,
              latencyMs: 112,
              error: english(UNAVAILABLE),
              errorMessage: UNAVAILABLE,
            },
            {
              number: 2,
              at: "2026-12-06T10:01:00.036Z",
              ok: true,
              statusCode: 200,
              latencyMs: 84,
              error: null,
              errorMessage: null,
            },
          ],
        },
      ],
    },
  },
};

// Probes (docs/api.md "Health and metrics").

export const HEALTH_EXAMPLES: Record<string, Example> = {
  ok: { summary: "The process answers", value: { status: "ok" } },
};

const READY: Readiness = {
  status: "ready",
  checks: {
    database: { state: "ok", detail: "The database answered." },
    migrations: { state: "ok", detail: "All 6 migrations are applied." },
    engine: { state: "ok", detail: "Last tick 0.4 s ago (poll interval 5.0 s)." },
    swr: { state: "ok", detail: "SWR in cn-north-4 answered the last call (2xx) 3.1 s ago." },
  },
};

export const READY_EXAMPLES: Record<string, Example> = {
  ready: { summary: "Every check ok", value: READY },
  webOnly: {
    summary: "A web-only instance (SYNC_ENGINE=off)",
    value: {
      ...READY,
      checks: {
        ...READY.checks,
        engine: { state: "skipped", detail: "SYNC_ENGINE=off: this instance serves the web only." },
      },
    },
  },
};

export const NOT_READY_EXAMPLES: Record<string, Example> = {
  migrations: {
    summary: "A migration is not applied",
    value: {
      ...READY,
      status: "not_ready",
      checks: {
        ...READY.checks,
        migrations: {
          state: "failing",
          detail: "1 of 6 migrations are not applied (20261206120000_api_tokens): run npm run db:migrate.",
        },
      },
    } satisfies Readiness,
  },
};

// Compare (docs/api.md "Compare").

const NGINX_COMPARISON: RepositoryComparisonDto = {
  repository: "nginx",
  source: { tagCount: 3, truncated: false, failure: null },
  targets: [
    { region: "cn-east-3", namespace: "team-a", counts: { missing: 1, identical: 1, differs: 1, only_in_target: 1 }, truncated: false, failure: null },
    {
      region: "ap-southeast-1",
      namespace: "team-a",
      counts: { missing: 0, identical: 0, differs: 0, only_in_target: 0 },
      truncated: false,
      failure: {
        code: "forbidden",
        region: "ap-southeast-1",
        status: 403,
        message: "Insufficient permissions on namespace `team-a` in ap-southeast-1.",
      },
    },
  ],
  tags: [
    { tag: "1.25.3", shortDigest: "0b5d4c2f8a11", updatedAt: "2024-01-08T05:12:44Z", outcomes: ["identical", null] },
    { tag: "1.26.0", shortDigest: "77e0a1c93b2d", updatedAt: "2024-01-11T09:40:02Z", outcomes: ["missing", null] },
    {
      tag: "latest",
      shortDigest: "e4a1f09b6c3d",
      updatedAt: "2024-01-14T17:03:51Z",
      outcomes: ["differs", null],
      targetDigests: ["5c8e2d7a0f14", null],
    },
    { tag: "1.24.0", shortDigest: null, updatedAt: "2024-01-15T08:20:10Z", outcomes: ["only_in_target", null], targetDigests: ["9a3b6e1d0c57", null] },
  ],
};

export const COMPARISON_EXAMPLES: Record<string, Example> = {
  partly: { summary: "One target partly in step, one the credentials may not read", value: NGINX_COMPARISON },
};
