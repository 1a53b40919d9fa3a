-- AlterTable
ALTER TABLE "SyncTask" ADD COLUMN     "submitTries" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "swrPriorJobId" TEXT;

