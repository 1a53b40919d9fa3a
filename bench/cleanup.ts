// Undo steps that run once whatever happens: at their scope's end, or all of them, newest first, on Ctrl-C or a crash.
import { childProcessIds } from "./process-sampler";

interface Step {
  name: string;
  run: () => Promise<void>;
}

export class Cleanup {
  private readonly steps: Step[] = [];

  /** Registers `run`; the returned function runs it now (once) and forgets it. */
  add(name: string, run: () => Promise<void>): () => Promise<void> {
    let done: Promise<void> | undefined;
    const step: Step = {
      name,
      run: () => {
        const at = this.steps.indexOf(step);
        if (at >= 0) this.steps.splice(at, 1);
        done ??= run();
        return done;
      },
    };
    this.steps.push(step);
    return step.run;
  }

  /** Runs every step still registered, newest first; failures are reported, not thrown. */
  async runAll(): Promise<void> {
    for (const step of [...this.steps].reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(
          `cleanup: could not ${step.name}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  /** On SIGINT/SIGTERM: run every step, end the child processes this bench started and still has, and exit. */
  handleSignals(): void {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: cleaning up (servers, simulator, databases)…`);
      const hardStop = setTimeout(() => process.exit(130), 30_000);
      void this.runAll().finally(() => {
        for (const pid of childProcessIds()) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            // already gone
          }
        }
        clearTimeout(hardStop);
        process.exit(130);
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
}
