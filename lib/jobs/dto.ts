import type { JobStatus, TaskState } from "@/lib/sync/states";

// What the jobs API sends to the browser (docs/api.md "Jobs"): trimmed shapes, ISO timestamps, never raw rows.

export interface JobCounts {
  total: number;
  queued: number;
  /** submitted + syncing + verifying + retrying */
  active: number;
  succeeded: number;
  failed: number;
}

export interface JobSummary {
  id: string;
  status: JobStatus;
  sourceRegion: string;
  sourceNamespace: string;
  sourceRepository: string;
  targetRegion: string;
  targetNamespace: string;
  override: boolean;
  createdBy: { email: string };
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  attempt: number;
  counts: JobCounts;
}

export interface TaskDto {
  tag: string;
  status: TaskState;
  sourceDigest: string | null;
  targetDigest: string | null;
  attempts: number;
  lastError: { code: string; message: string } | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  finishedAt: string | null;
}

export interface JobDetail extends JobSummary {
  tasks: TaskDto[];
  /** False once every task is terminal: the page may stop polling. */
  live: boolean;
}

export interface JobPage {
  items: JobSummary[];
  nextCursor: string | null;
}

export interface JobStats {
  counts: Record<JobStatus, number>;
  /** Jobs not finished yet (queued or running), newest first. */
  running: JobSummary[];
  recent: JobSummary[];
}
