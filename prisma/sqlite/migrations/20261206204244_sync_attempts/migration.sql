-- AlterTable
ALTER TABLE "SyncJob" ADD COLUMN "attemptStartedAt" DATETIME;

-- CreateTable
CREATE TABLE "SyncAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "override" BOOLEAN NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME NOT NULL,
    "counts" TEXT NOT NULL,
    "errors" TEXT NOT NULL,
    "endedBy" TEXT NOT NULL,
    "endedHow" TEXT NOT NULL,
    CONSTRAINT "SyncAttempt_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "SyncJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SyncAttempt_jobId_attempt_key" ON "SyncAttempt"("jobId", "attempt");

