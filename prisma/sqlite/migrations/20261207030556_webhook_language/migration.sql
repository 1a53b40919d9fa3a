-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Webhook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'generic',
    "events" TEXT NOT NULL,
    "secretCiphertext" TEXT,
    "secretIv" TEXT,
    "secretTag" TEXT,
    "secretKeyId" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en'
);
INSERT INTO "new_Webhook" ("createdAt", "createdByEmail", "createdById", "enabled", "events", "format", "id", "name", "secretCiphertext", "secretIv", "secretKeyId", "secretTag", "updatedAt", "url") SELECT "createdAt", "createdByEmail", "createdById", "enabled", "events", "format", "id", "name", "secretCiphertext", "secretIv", "secretKeyId", "secretTag", "updatedAt", "url" FROM "Webhook";
DROP TABLE "Webhook";
ALTER TABLE "new_Webhook" RENAME TO "Webhook";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

