-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "progressAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextCheckAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "SyncTask_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "SyncJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SyncTask" ("attempts", "createdAt", "finishedAt", "id", "jobId", "lastErrorCode", "lastErrorMessage", "leaseExpiresAt", "leaseOwner", "nextCheckAt", "progressAt", "sourceDigest", "status", "submittedAt", "swrJobId", "swrStatus", "tag", "targetDigest", "updatedAt") SELECT "attempts", "createdAt", "finishedAt", "id", "jobId", "lastErrorCode", "lastErrorMessage", "leaseExpiresAt", "leaseOwner", "nextCheckAt", "progressAt", "sourceDigest", "status", "submittedAt", "swrJobId", "swrStatus", "tag", "targetDigest", "updatedAt" FROM "SyncTask";
DROP TABLE "SyncTask";
ALTER TABLE "new_SyncTask" RENAME TO "SyncTask";
CREATE INDEX "SyncTask_status_nextCheckAt_idx" ON "SyncTask"("status", "nextCheckAt");
CREATE INDEX "SyncTask_leaseExpiresAt_idx" ON "SyncTask"("leaseExpiresAt");
CREATE UNIQUE INDEX "SyncTask_jobId_tag_key" ON "SyncTask"("jobId", "tag");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

