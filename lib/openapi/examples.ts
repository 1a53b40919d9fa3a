import type { JobDetail } from "@/lib/jobs/dto";
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
  override: false,
  tagSelection: null,
  createdBy: { email: "operator@example.com" },
  createdAt: "2026-12-01T08:00:00.000Z",
  updatedAt: "2026-12-01T08:00:05.000Z",
  finishedAt: null,
  attempt: 1,
  counts: { total: 2, queued: 1, active: 1, succeeded: 0, failed: 0, cancelled: 0 },
  cancel: null,
  live: true,
  version: "1764576005000",
};

export const JOB_ANSWER_EXAMPLES: Record<string, Example> = {
  running: { summary: "A job with one tag sent to SWR", value: { job: JOB_DETAIL } },
};

export const JOB_PLAN_EXAMPLES: Record<string, Example> = {
  plan: {
    summary: "Two tags would be synced",
    value: { plan: { count: 2, tags: ["1.25.3", "latest"], truncated: false } },
  },
};
