-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SyncJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceRegion" TEXT NOT NULL,
    "sourceNamespace" TEXT NOT NULL,
    "sourceRepository" TEXT NOT NULL,
    "targetRegion" TEXT NOT NULL,
    "targetNamespace" TEXT NOT NULL,
    "override" BOOLEAN NOT NULL DEFAULT false,
    "tagSelection" TEXT,
    "createdById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "active" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "idempotencyKey" TEXT,
    "requestHash" TEXT NOT NULL,
    "cancelledAt" DATETIME,
    "cancelledById" TEXT,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "nextRoundAt" DATETIME,
    "progressAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitMark" DATETIME,
    "recordCursor" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "SyncJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SyncJob_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_SyncJob" ("attempt", "createdAt", "createdById", "failed", "finishedAt", "id", "idempotencyKey", "override", "requestHash", "sourceNamespace", "sourceRegion", "sourceRepository", "status", "succeeded", "targetNamespace", "targetRegion", "total", "updatedAt") SELECT "attempt", "createdAt", "createdById", "failed", "finishedAt", "id", "idempotencyKey", "override", "requestHash", "sourceNamespace", "sourceRegion", "sourceRepository", "status", "succeeded", "targetNamespace", "targetRegion", "total", "updatedAt" FROM "SyncJob";
DROP TABLE "SyncJob";
ALTER TABLE "new_SyncJob" RENAME TO "SyncJob";
CREATE INDEX "SyncJob_createdAt_id_idx" ON "SyncJob"("createdAt", "id");
CREATE INDEX "SyncJob_status_createdAt_idx" ON "SyncJob"("status", "createdAt");
CREATE INDEX "SyncJob_sourceRegion_createdAt_idx" ON "SyncJob"("sourceRegion", "createdAt");
CREATE INDEX "SyncJob_targetRegion_createdAt_idx" ON "SyncJob"("targetRegion", "createdAt");
CREATE INDEX "SyncJob_sourceNamespace_createdAt_idx" ON "SyncJob"("sourceNamespace", "createdAt");
CREATE INDEX "SyncJob_sourceRepository_createdAt_idx" ON "SyncJob"("sourceRepository", "createdAt");
CREATE INDEX "SyncJob_createdById_createdAt_idx" ON "SyncJob"("createdById", "createdAt");
CREATE INDEX "SyncJob_nextRoundAt_idx" ON "SyncJob"("nextRoundAt");
CREATE UNIQUE INDEX "SyncJob_createdById_idempotencyKey_key" ON "SyncJob"("createdById", "idempotencyKey");
CREATE TABLE "new_SyncTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "sourceDigest" TEXT,
    "targetDigest" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "lastErrorCode" TEXT,
    "lastErrorMessage" TEXT,
    "swrJobId" TEXT,
    "swrStatus" TEXT,
    "swrPriorJobId" TEXT,
    "submitTries" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME,
    "nextCheckAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "SyncTask_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "SyncJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SyncTask" ("attempts", "createdAt", "finishedAt", "id", "jobId", "lastErrorCode", "lastErrorMessage", "nextCheckAt", "sourceDigest", "status", "submitTries", "submittedAt", "swrJobId", "swrPriorJobId", "swrStatus", "tag", "targetDigest", "updatedAt") SELECT "attempts", "createdAt", "finishedAt", "id", "jobId", "lastErrorCode", "lastErrorMessage", "nextCheckAt", "sourceDigest", "status", "submitTries", "submittedAt", "swrJobId", "swrPriorJobId", "swrStatus", "tag", "targetDigest", "updatedAt" FROM "SyncTask";
DROP TABLE "SyncTask";
ALTER TABLE "new_SyncTask" RENAME TO "SyncTask";
CREATE INDEX "SyncTask_jobId_status_tag_idx" ON "SyncTask"("jobId", "status", "tag");
CREATE INDEX "SyncTask_jobId_updatedAt_idx" ON "SyncTask"("jobId", "updatedAt");
CREATE UNIQUE INDEX "SyncTask_jobId_tag_key" ON "SyncTask"("jobId", "tag");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Tasks watched in SWR now have one state, and jobs keep their own counters and, while unfinished, a due round.
UPDATE "SyncTask" SET "status" = 'submitted' WHERE "status" IN ('syncing', 'verifying');
UPDATE "SyncJob" SET
  "queued" = (SELECT COUNT(*) FROM "SyncTask" t WHERE t."jobId" = "SyncJob"."id" AND t."status" = 'queued'),
  "active" = (SELECT COUNT(*) FROM "SyncTask" t WHERE t."jobId" = "SyncJob"."id" AND t."status" IN ('retrying', 'submitted')),
  "nextRoundAt" = CASE WHEN EXISTS (SELECT 1 FROM "SyncTask" t WHERE t."jobId" = "SyncJob"."id" AND t."status" IN ('queued', 'retrying', 'submitted')) THEN "updatedAt" ELSE NULL END;
