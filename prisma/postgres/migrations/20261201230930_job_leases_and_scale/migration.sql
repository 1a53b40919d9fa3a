-- DropIndex
DROP INDEX "SyncTask_leaseExpiresAt_idx";

-- DropIndex
DROP INDEX "SyncTask_status_nextCheckAt_idx";

-- AlterTable
ALTER TABLE "SyncJob" ADD COLUMN     "active" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "cancelled" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelledById" TEXT,
ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3),
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "nextRoundAt" TIMESTAMP(3),
ADD COLUMN     "progressAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "queued" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "recordCursor" TEXT,
ADD COLUMN     "submitMark" TIMESTAMP(3),
ADD COLUMN     "tagSelection" TEXT;

-- AlterTable
ALTER TABLE "SyncTask" DROP COLUMN "leaseExpiresAt",
DROP COLUMN "leaseOwner",
DROP COLUMN "progressAt";

-- CreateIndex
CREATE INDEX "SyncJob_nextRoundAt_idx" ON "SyncJob"("nextRoundAt");

-- CreateIndex
CREATE INDEX "SyncTask_jobId_status_tag_idx" ON "SyncTask"("jobId", "status", "tag");

-- CreateIndex
CREATE INDEX "SyncTask_jobId_updatedAt_idx" ON "SyncTask"("jobId", "updatedAt");

-- AddForeignKey
ALTER TABLE "SyncJob" ADD CONSTRAINT "SyncJob_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Tasks watched in SWR now have one state, and jobs keep their own counters and, while unfinished, a due round.
UPDATE "SyncTask" SET "status" = 'submitted' WHERE "status" IN ('syncing', 'verifying');
UPDATE "SyncJob" SET
  "queued" = (SELECT COUNT(*) FROM "SyncTask" t WHERE t."jobId" = "SyncJob"."id" AND t."status" = 'queued'),
  "active" = (SELECT COUNT(*) FROM "SyncTask" t WHERE t."jobId" = "SyncJob"."id" AND t."status" IN ('retrying', 'submitted')),
  "nextRoundAt" = CASE WHEN EXISTS (SELECT 1 FROM "SyncTask" t WHERE t."jobId" = "SyncJob"."id" AND t."status" IN ('queued', 'retrying', 'submitted')) THEN "updatedAt" ELSE NULL END;
