import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simStateSchema, type SimState } from "./model";

/** Reads a saved state; undefined when the file does not exist. A file that is not valid state is an error. */
export function loadState(file: string): SimState | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`${file} is not a simulator state file: it is not valid JSON`);
  }
  const result = simStateSchema.safeParse(json);
  if (!result.success) throw new Error(`${file} is not a simulator state file: ${result.error.issues[0]?.message ?? "invalid"}`);
  return result.data;
}

/** Writes the state atomically (temporary file, then rename), so a crash never leaves half a file. */
export function saveState(file: string, state: SimState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/** Saves at most once per `delayMs` after a change; `flush` writes what is pending right away. */
export class DebouncedSaver {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly state: () => SimState,
    private readonly delayMs: number,
    private readonly log: (line: string) => void,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
    this.timer.unref();
  }

  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      saveState(this.file, this.state());
    } catch (error) {
      this.log(`could not save the simulator state to ${this.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
