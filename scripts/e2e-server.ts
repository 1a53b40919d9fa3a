// The stacks the Playwright suite runs against, one per worker: a fresh database, a fast simulator on a fixed port, the
// built app.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createTestDatabase } from "@/test/db";
import { stackPorts } from "@/e2e/ports";
import { startStack } from "./lib/stack";

/** How many stacks to start, on the ports of e2e/ports.ts: one per Playwright worker. */
const E2E_STACKS = Math.max(1, Number(process.env.E2E_STACKS ?? 1) || 1);
/** Where the app's output (its JSON log lines) goes; the terminal when unset. */
const E2E_APP_LOG = process.env.E2E_APP_LOG || undefined;
/**
 * A JSON file to write the stack's addresses and secrets to (mode 0600), for a spec that runs a stack of its own
 * and checks that none of those secrets reached the log.
 */
const E2E_STACK_FILE = process.env.E2E_STACK_FILE || undefined;

interface E2eStack {
  stop(): Promise<void>;
}

/** One stack: a fresh database, a fast simulator and the built app, on the ports of Playwright worker `index`. */
async function startE2eStack(index: number): Promise<E2eStack> {
  const database = await createTestDatabase();
  const nextAuthSecret = randomBytes(32).toString("base64url");
  const appEncryptionKey = randomBytes(32).toString("base64");
  const stack = await startStack({
    databaseUrl: database.url,
    appPort: stackPorts(index).app,
    nextAuthSecret,
    simulator: { port: stackPorts(index).simulator, syncDelayMs: 150 },
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      // Errors only, unless a spec asks for more: the specs' own SWR faults would bury the report in warnings.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
      SWR_TIMEOUT_MS: "5000",
      SYNC_POLL_MS: "500",
      // Webhook specs run their receiver on this machine, and webhooks need a key for their secrets.
      WEBHOOK_ALLOW_PRIVATE: "true",
      WEBHOOK_POLL_MS: "300",
      APP_ENCRYPTION_KEY: appEncryptionKey,
    },
    appLogFile: E2E_APP_LOG,
  }).catch(async (error: unknown) => {
    await database.drop().catch(() => undefined);
    throw error;
  });
  if (E2E_STACK_FILE && index === 0) {
    const { ak, sk } = stack.simulator.credentials;
    const facts = { appUrl: stack.appUrl, simulatorUrl: stack.simulator.url, databaseUrl: database.url, nextAuthSecret, appEncryptionKey, ak, sk };
    fs.writeFileSync(E2E_STACK_FILE, JSON.stringify(facts), { mode: 0o600 });
  }
  console.log(`e2e stack ready at ${stack.appUrl} (simulator ${stack.simulator.url})`);
  return { stop: () => stack.stop().then(() => database.drop()) };
}

async function main() {
  const stacks: E2eStack[] = [];
  const shutdown = () => {
    Promise.all(stacks.map((s) => s.stop())).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  // One after the other: each start copies the built assets into the standalone folder.
  for (let i = 0; i < E2E_STACKS; i++) {
    try {
      stacks.push(await startE2eStack(i));
    } catch (error) {
      await Promise.allSettled(stacks.map((s) => s.stop()));
      throw error;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
