-- AlterTable
ALTER TABLE "SyncTask" ADD COLUMN "lastErrorMsg" TEXT;

