// npm run sim — the SWR simulator on its own, configured by SIM_* variables (see simulator/README.md).
import { optionsFromEnv } from "./env";
import { startSimulator } from "./server";

async function main(): Promise<void> {
  const env = optionsFromEnv(process.env);
  if (!env.ok) {
    console.error(["The simulator's environment is invalid:", ...env.problems.map((p) => `  ${p}`)].join("\n"));
    process.exit(1);
  }
  const sim = await startSimulator({ ...env.options, log: (line) => console.log(`[sim] ${line}`) });
  console.log(
    [
      `SWR simulator listening on ${sim.url}`,
      `  endpoint template (SWR and IAM): ${sim.endpointTemplate}`,
      `  demo AK/SK: ${sim.credentials.ak} / ${sim.credentials.sk}`,
      `  demo IAM user: ${sim.iamUser.domain} / ${sim.iamUser.name} / ${sim.iamUser.password}`,
      `  admin: ${sim.url}/__sim/health, /__sim/faults, /__sim/stats, /__sim/reset`,
      env.options.stateFile ? `  state file: ${env.options.stateFile}` : "  state: in memory only (set SIM_STATE_FILE to keep it)",
    ].join("\n"),
  );
  const stop = (signal: string) => {
    console.log(`[sim] ${signal}: stopping`);
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`The simulator could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
