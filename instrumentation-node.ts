// Server start-up in the Node.js runtime: validate the configuration, refuse to run without a valid one, start the engine.
import { env, EnvError } from "./lib/env";
import { installShutdown } from "./lib/shutdown";
import { logger } from "./lib/log";
import { startSyncEngine } from "./lib/sync/runtime";
import { startWebhookWorker } from "./lib/webhooks/runtime";

function configured(): boolean {
  try {
    env();
    return true;
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    logger().fatal({ problems: error.problems }, "SWR Sync cannot start: invalid configuration (see .env.example)");
    process.exit(1);
  }
}

if (configured()) {
  // SIGTERM: stop taking requests, let go of work in progress (registered with onShutdown), exit within 10 s.
  installShutdown();
  // The sync engine lives in the server process; SYNC_ENGINE=off leaves this instance to the web only.
  if (env().SYNC_ENGINE === "on") startSyncEngine();
  // Webhook deliveries are queued in the database; every instance with the worker on sends its share.
  if (env().WEBHOOK_WORKER === "on") startWebhookWorker();
}
