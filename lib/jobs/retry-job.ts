import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { retryFailedTasks } from "@/lib/db/job-retry";
import { requireJobDetail } from "@/lib/db/jobs";
import { auditFailures } from "./audit-failure";
import type { JobDetail } from "./dto";

/** POST /api/jobs/{id}/retry behind the guard: a new attempt of the failed tags, audited either way. */
export async function retryJob(id: string, user: SessionUser): Promise<JobDetail> {
  const actor = { id: user.id, email: user.email };
  return auditFailures({ actor, action: "sync_retry", target: id }, async () => {
    await retryFailedTasks(id, actor);
    return requireJobDetail(id);
  });
}
