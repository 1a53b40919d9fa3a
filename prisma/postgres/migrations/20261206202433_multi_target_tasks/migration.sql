-- DropIndex
DROP INDEX "SyncTask_jobId_tag_key";

-- AlterTable
ALTER TABLE "SyncJob" ADD COLUMN     "kept" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "repositoryCount" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "skipped" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "targetCount" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "targets" TEXT;

-- AlterTable
ALTER TABLE "SyncTask" ADD COLUMN     "planClass" TEXT NOT NULL DEFAULT 'new',
ADD COLUMN     "repository" TEXT,
ADD COLUMN     "targetNamespace" TEXT,
ADD COLUMN     "targetRegion" TEXT;

-- Tasks of earlier jobs take their job's repository and target.
UPDATE "SyncTask" t SET "repository" = j."sourceRepository", "targetRegion" = j."targetRegion", "targetNamespace" = j."targetNamespace"
FROM "SyncJob" j WHERE j."id" = t."jobId";

ALTER TABLE "SyncTask" ALTER COLUMN "repository" SET NOT NULL,
ALTER COLUMN "targetNamespace" SET NOT NULL,
ALTER COLUMN "targetRegion" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "SyncTask_jobId_repository_targetRegion_targetNamespace_tag_key" ON "SyncTask"("jobId", "repository", "targetRegion", "targetNamespace", "tag");

