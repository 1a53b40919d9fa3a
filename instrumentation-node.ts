// Server start-up in the Node.js runtime: validate the configuration, refuse to run without a valid one, start the engine.
import { env, EnvError } from "./lib/env";
import { logger } from "./lib/log";
import { startSyncEngine } from "./lib/sync/runtime";

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

// The sync engine lives in the server process; SYNC_ENGINE=off leaves this instance to the web only.
if (configured() && env().SYNC_ENGINE === "on") startSyncEngine();
