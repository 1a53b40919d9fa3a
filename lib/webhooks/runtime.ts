import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { secretBoxFromEnv } from "./secret-box";
import { resealWebhookSecrets } from "./store";
import { createWebhookWorker, webhookWorkerConfigFromEnv, type WebhookWorker } from "./worker";

// The webhook worker of this server process: one per process, started from instrumentation-node.ts, stopped on SIGTERM.

const holder = globalThis as typeof globalThis & { swrSyncWebhookWorker?: WebhookWorker };

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/**
 * Stops the worker (a send in flight finishes within its time limit). When other handlers listen (Next's own,
 * the sync engine's, registered after this one) they decide when the process exits; a delivery cut off by the
 * exit is claimed again once its lease expires. Alone, it exits the way the signal would.
 */
function onSignal(signal: NodeJS.Signals): void {
  const alone = process.listenerCount(signal) === 0;
  void stopWebhookWorker().finally(() => {
    if (alone) process.kill(process.pid, signal);
  });
}

/** Starts this process's worker; in production, warns loudly when webhooks with secrets exist but no key is set. */
export function startWebhookWorker(): WebhookWorker {
  if (holder.swrSyncWebhookWorker?.running) return holder.swrSyncWebhookWorker;
  const e = env();
  const box = secretBoxFromEnv();
  const worker = createWebhookWorker({ db: db(), config: webhookWorkerConfigFromEnv(e), box });
  holder.swrSyncWebhookWorker = worker;
  worker.start();
  for (const s of SIGNALS) process.once(s, onSignal);
  if (box) {
    // After a key rotation: secrets sealed with APP_ENCRYPTION_KEY_PREVIOUS are sealed again with the new key.
    void resealWebhookSecrets(db(), box)
      .then((n) => n > 0 && console.info(`[webhooks] re-encrypted ${n} webhook secret(s) with the current APP_ENCRYPTION_KEY`))
      .catch((e: unknown) => console.error(`[webhooks] re-encrypting webhook secrets failed: ${e instanceof Error ? e.message : String(e)}`));
  } else {
    void db()
      .webhook.count({ where: { secretKeyId: { not: null } } })
      .then((n) => {
        if (n > 0) console.error(`[webhooks] ${n} webhook(s) have a secret but APP_ENCRYPTION_KEY is not set: their deliveries fail until it is.`);
      })
      .catch(() => undefined);
  }
  return worker;
}

export async function stopWebhookWorker(): Promise<void> {
  const worker = holder.swrSyncWebhookWorker;
  holder.swrSyncWebhookWorker = undefined;
  for (const s of SIGNALS) process.off(s, onSignal);
  await worker?.stop();
}
