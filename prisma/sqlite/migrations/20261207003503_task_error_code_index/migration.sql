-- CreateIndex
CREATE INDEX "SyncTask_lastErrorCode_jobId_idx" ON "SyncTask"("lastErrorCode", "jobId");

