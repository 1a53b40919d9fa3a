import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "./create-client";

export type { Db, DbTx } from "./create-client";

// Kept on globalThis so that Next's dev hot reload reuses the client instead of opening a new pool per edit.
const holder = globalThis as typeof globalThis & { swrSyncDb?: { url: string; client: Db } };

/** The app's Prisma client, created on first use so that importing this module (as `next build` does) opens nothing. */
export function db(): Db {
  const url = env().DATABASE_URL;
  if (holder.swrSyncDb?.url !== url) {
    void holder.swrSyncDb?.client.$disconnect();
    holder.swrSyncDb = { url, client: createPrismaClient(url) };
  }
  return holder.swrSyncDb.client;
}

/** Closes the client (scripts and tests); the next db() call opens a new one. */
export async function disconnectDb(): Promise<void> {
  const current = holder.swrSyncDb;
  holder.swrSyncDb = undefined;
  await current?.client.$disconnect();
}
