import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { onShutdown } from "@/lib/shutdown";
import { secretBoxFromEnv } from "./secret-box";
import { resealWebhookSecrets } from "./store";
import { createWebhookWorker, webhookWorkerConfigFromEnv, type WebhookWorker } from "./worker";

// The webhook worker of this server process: one per process, started from instrumentation-node.ts, stopped by the shutdown sequence.

const holder = globalThis as typeof globalThis & { swrSyncWebhookWorker?: WebhookWorker; swrSyncWebhookUnregister?: () => void };

/** Starts this process's worker; in production, warns loudly when webhooks with secrets exist but no key is set. */
export function startWebhookWorker(): WebhookWorker {
  if (holder.swrSyncWebhookWorker?.running) return holder.swrSyncWebhookWorker;
  const e = env();
  const box = secretBoxFromEnv();
  const log = logger("webhooks");
  const worker = createWebhookWorker({ db: db(), config: webhookWorkerConfigFromEnv(e), box });
  holder.swrSyncWebhookWorker = worker;
  worker.start();
  // On SIGTERM a send in flight finishes within its time limit; one cut off by the exit is claimed again once its lease expires.
  holder.swrSyncWebhookUnregister = onShutdown("webhook worker", stopWebhookWorker);
  if (box) {
    // After a key rotation: secrets sealed with APP_ENCRYPTION_KEY_PREVIOUS are sealed again with the new key.
    void resealWebhookSecrets(db(), box)
      .then((n) => n > 0 && log.info({ count: n }, "webhook secrets re-encrypted with the current APP_ENCRYPTION_KEY"))
      .catch((e: unknown) => log.error({ err: e }, "re-encrypting webhook secrets failed"));
  } else {
    void db()
      .webhook.count({ where: { secretKeyId: { not: null } } })
      .then((n) => {
        if (n > 0) log.error({ count: n }, "webhooks have a secret but APP_ENCRYPTION_KEY is not set: their deliveries fail until it is");
      })
      .catch(() => undefined);
  }
  return worker;
}

export async function stopWebhookWorker(graceMs?: number): Promise<void> {
  const worker = holder.swrSyncWebhookWorker;
  holder.swrSyncWebhookWorker = undefined;
  holder.swrSyncWebhookUnregister?.();
  holder.swrSyncWebhookUnregister = undefined;
  await worker?.stop(graceMs);
}
