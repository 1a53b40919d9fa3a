import type { FaultConfigInput } from "./faults";
import { DEMO_CREDENTIALS, DEMO_IAM_USER, type AccessKeyPair, type IamUserInput } from "./identity";

export interface SimulatorOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Accepted AK/SK pairs; the first is reported as `credentials`. */
  credentials: AccessKeyPair[];
  /** IAM users for password tokens; the first one owns the AK/SKs and the seeded resources. */
  users: IamUserInput[];
  /** Time of each sync step (waiting → running → terminal). */
  syncDelayMs: number;
  tokenTtlMs: number;
  /** JSON file that keeps the state across restarts; memory only when undefined. */
  stateFile: string | undefined;
  /** Faults active from the start and again after a reset (same shape as PUT /__sim/faults). */
  faults: FaultConfigInput | undefined;
  /** The simulator's clock for signatures, tokens and timestamps. */
  now: () => Date;
  /** One line per request and per notable event; silent by default. */
  log: (line: string) => void;
  persistDebounceMs: number;
}

export const DEFAULT_OPTIONS: SimulatorOptions = {
  host: "127.0.0.1",
  port: 0,
  credentials: [DEMO_CREDENTIALS],
  users: [DEMO_IAM_USER],
  syncDelayMs: 1500,
  tokenTtlMs: 24 * 3_600_000,
  stateFile: undefined,
  faults: undefined,
  now: () => new Date(),
  log: () => {},
  persistDebounceMs: 1000,
};

/** The defaults overridden by every option that is given (an explicit `undefined` keeps the default). */
export function resolveOptions(options: Partial<SimulatorOptions>): SimulatorOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const resolved: SimulatorOptions = { ...DEFAULT_OPTIONS, ...given };
  if (resolved.credentials.length === 0) throw new Error("the simulator needs at least one AK/SK pair");
  if (resolved.users.length === 0) throw new Error("the simulator needs at least one IAM user");
  return resolved;
}
