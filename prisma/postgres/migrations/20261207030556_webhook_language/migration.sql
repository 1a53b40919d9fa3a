-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

