-- AlterTable
ALTER TABLE "SyncJob" ADD COLUMN     "attemptStartedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SyncAttempt" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "override" BOOLEAN NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3) NOT NULL,
    "counts" TEXT NOT NULL,
    "errors" TEXT NOT NULL,
    "endedBy" TEXT NOT NULL,
    "endedHow" TEXT NOT NULL,

    CONSTRAINT "SyncAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SyncAttempt_jobId_attempt_key" ON "SyncAttempt"("jobId", "attempt");

-- AddForeignKey
ALTER TABLE "SyncAttempt" ADD CONSTRAINT "SyncAttempt_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "SyncJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

