// Server start-up in the Node.js runtime: validate the configuration, refuse to run without a valid one, start the engine.
import { env, EnvError } from "./lib/env";
import { startSyncEngine } from "./lib/sync/runtime";
import { startWebhookWorker } from "./lib/webhooks/runtime";

function configured(): boolean {
  try {
    env();
    return true;
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`SWR Sync cannot start.\n${error.message}`);
    process.exit(1);
  }
}

// Webhook deliveries are queued in the database; every instance with the worker on sends its share.
// Started first: its signal handler only stops it, and the engine's, registered after, decides when the process exits.
if (configured() && env().WEBHOOK_WORKER === "on") startWebhookWorker();
// The sync engine lives in the server process; SYNC_ENGINE=off leaves this instance to the web only.
if (configured() && env().SYNC_ENGINE === "on") startSyncEngine();
