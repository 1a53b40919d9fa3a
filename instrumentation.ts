// Validates the configuration once when the server starts, and refuses to run without a valid one.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, EnvError } = await import("./lib/env");
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`SWR Sync cannot start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  // The sync engine lives in the server process; SYNC_ENGINE=off leaves this instance to the web only.
  if (env().SYNC_ENGINE === "on") {
    const { startSyncEngine } = await import("./lib/sync/runtime");
    startSyncEngine();
  }
}
