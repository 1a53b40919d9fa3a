// npm run db:seed — creates the demo users (lib/db/demo-users.ts) if missing; existing users and passwords are kept.
import path from "node:path";
import { createPrismaClient } from "@/lib/db/create-client";
import { DEFAULT_DATABASE_URL, redactUrl } from "@/lib/db/database-url";
import { DEMO_USERS } from "@/lib/db/demo-users";
import { createUserStore } from "@/lib/db/user-store";
import type { UserDto } from "@/lib/users/dto";

export interface SeedResult {
  created: UserDto[];
  existing: UserDto[];
}

/** Idempotently adds the demo users to the (already migrated) database at `url`. */
export async function seedDemoUsers(url: string): Promise<SeedResult> {
  const client = createPrismaClient(url);
  try {
    const users = createUserStore(client);
    const result: SeedResult = { created: [], existing: [] };
    for (const demo of DEMO_USERS) {
      const { user, created } = await users.createUserIfMissing(demo);
      (created ? result.created : result.existing).push(user);
    }
    return result;
  } finally {
    await client.$disconnect();
  }
}

async function main() {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const { created, existing } = await seedDemoUsers(url);
  console.log(`Seeded ${redactUrl(url)}: ${created.length} created, ${existing.length} already there.`);
  for (const demo of DEMO_USERS) {
    const state = created.some((u) => u.email === demo.email)
      ? `created, password ${demo.password}`
      : "kept (password unchanged)";
    console.log(`  ${demo.role.padEnd(8)} ${demo.email}  ${state}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
