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
    "repositoryCount" INTEGER NOT NULL DEFAULT 1,
    "targetCount" INTEGER NOT NULL DEFAULT 1,
    "targets" TEXT,
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
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "kept" INTEGER NOT NULL DEFAULT 0,
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
INSERT INTO "new_SyncJob" ("active", "attempt", "cancelled", "cancelledAt", "cancelledById", "createdAt", "createdById", "failed", "finishedAt", "id", "idempotencyKey", "leaseExpiresAt", "leaseOwner", "nextRoundAt", "override", "progressAt", "queued", "recordCursor", "requestHash", "sourceNamespace", "sourceRegion", "sourceRepository", "status", "submitMark", "succeeded", "tagSelection", "targetNamespace", "targetRegion", "total", "updatedAt") SELECT "active", "attempt", "cancelled", "cancelledAt", "cancelledById", "createdAt", "createdById", "failed", "finishedAt", "id", "idempotencyKey", "leaseExpiresAt", "leaseOwner", "nextRoundAt", "override", "progressAt", "queued", "recordCursor", "requestHash", "sourceNamespace", "sourceRegion", "sourceRepository", "status", "submitMark", "succeeded", "tagSelection", "targetNamespace", "targetRegion", "total", "updatedAt" FROM "SyncJob";
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
    "repository" TEXT NOT NULL,
    "targetRegion" TEXT NOT NULL,
    "targetNamespace" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "planClass" TEXT NOT NULL DEFAULT 'new',
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
-- Tasks of earlier jobs take their job's repository and target.
INSERT INTO "new_SyncTask" ("attempts", "createdAt", "finishedAt", "id", "jobId", "repository", "targetRegion", "targetNamespace", "lastErrorCode", "lastErrorMessage", "nextCheckAt", "sourceDigest", "status", "submitTries", "submittedAt", "swrJobId", "swrPriorJobId", "swrStatus", "tag", "targetDigest", "updatedAt") SELECT t."attempts", t."createdAt", t."finishedAt", t."id", t."jobId", j."sourceRepository", j."targetRegion", j."targetNamespace", t."lastErrorCode", t."lastErrorMessage", t."nextCheckAt", t."sourceDigest", t."status", t."submitTries", t."submittedAt", t."swrJobId", t."swrPriorJobId", t."swrStatus", t."tag", t."targetDigest", t."updatedAt" FROM "SyncTask" t JOIN "SyncJob" j ON j."id" = t."jobId";
DROP TABLE "SyncTask";
ALTER TABLE "new_SyncTask" RENAME TO "SyncTask";
CREATE INDEX "SyncTask_jobId_status_tag_idx" ON "SyncTask"("jobId", "status", "tag");
CREATE INDEX "SyncTask_jobId_updatedAt_idx" ON "SyncTask"("jobId", "updatedAt");
CREATE UNIQUE INDEX "SyncTask_jobId_repository_targetRegion_targetNamespace_tag_key" ON "SyncTask"("jobId", "repository", "targetRegion", "targetNamespace", "tag");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

