-- CreateTable
CREATE TABLE "SyncJob" (
    "id" TEXT NOT NULL,
    "sourceRegion" TEXT NOT NULL,
    "sourceNamespace" TEXT NOT NULL,
    "sourceRepository" TEXT NOT NULL,
    "targetRegion" TEXT NOT NULL,
    "targetNamespace" TEXT NOT NULL,
    "override" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "idempotencyKey" TEXT,
    "requestHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SyncJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncTask" (
    "id" TEXT NOT NULL,
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
    "submittedAt" TIMESTAMP(3),
    "progressAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextCheckAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SyncTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "outcome" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SyncJob_createdAt_id_idx" ON "SyncJob"("createdAt", "id");

-- CreateIndex
CREATE INDEX "SyncJob_status_createdAt_idx" ON "SyncJob"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SyncJob_sourceRegion_createdAt_idx" ON "SyncJob"("sourceRegion", "createdAt");

-- CreateIndex
CREATE INDEX "SyncJob_targetRegion_createdAt_idx" ON "SyncJob"("targetRegion", "createdAt");

-- CreateIndex
CREATE INDEX "SyncJob_sourceNamespace_createdAt_idx" ON "SyncJob"("sourceNamespace", "createdAt");

-- CreateIndex
CREATE INDEX "SyncJob_sourceRepository_createdAt_idx" ON "SyncJob"("sourceRepository", "createdAt");

-- CreateIndex
CREATE INDEX "SyncJob_createdById_createdAt_idx" ON "SyncJob"("createdById", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncJob_createdById_idempotencyKey_key" ON "SyncJob"("createdById", "idempotencyKey");

-- CreateIndex
CREATE INDEX "SyncTask_status_nextCheckAt_idx" ON "SyncTask"("status", "nextCheckAt");

-- CreateIndex
CREATE INDEX "SyncTask_leaseExpiresAt_idx" ON "SyncTask"("leaseExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncTask_jobId_tag_key" ON "SyncTask"("jobId", "tag");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "SyncJob" ADD CONSTRAINT "SyncJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncTask" ADD CONSTRAINT "SyncTask_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "SyncJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

