import { z } from "zod";
import { faultConfigSchema } from "./faults";
import { DEMO_CREDENTIALS, DEMO_IAM_USER } from "./identity";
import type { SimulatorOptions } from "./options";

// Settings of `npm run sim`, read from SIM_* environment variables.

const blankIsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (fallback: string) => z.preprocess(blankIsUnset, z.string().default(fallback));
const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(blankIsUnset, z.coerce.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(min).max(max).default(fallback));

const faultsFromJson = z.preprocess(blankIsUnset, z.string().optional()).transform((raw, ctx) => {
  if (raw === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    ctx.addIssue({ code: "custom", message: "must be JSON in the shape of PUT /__sim/faults" });
    return z.NEVER;
  }
  const parsed = faultConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: `${issue.path.join(".") || "(root)"}: ${issue.message}` });
  return z.NEVER;
});

export const simEnvSchema = z.object({
  SIM_PORT: integer(4010, 0, 65_535),
  SIM_HOST: text("127.0.0.1"),
  SIM_AK: text(DEMO_CREDENTIALS.ak),
  SIM_SK: text(DEMO_CREDENTIALS.sk),
  SIM_IAM_DOMAIN: text(DEMO_IAM_USER.domain),
  SIM_IAM_USER: text(DEMO_IAM_USER.name),
  SIM_IAM_PASSWORD: text(DEMO_IAM_USER.password),
  SIM_SYNC_DELAY_MS: integer(1500, 0, 600_000),
  SIM_TOKEN_TTL_MS: integer(24 * 3_600_000, 1_000, 7 * 24 * 3_600_000),
  SIM_STATE_FILE: z.preprocess(blankIsUnset, z.string().optional()),
  SIM_FAULTS: faultsFromJson,
});

export type SimEnvResult = { ok: true; options: Partial<SimulatorOptions> } | { ok: false; problems: string[] };

/** Simulator options from the environment, or one problem per wrong variable (each naming it). */
export function optionsFromEnv(env: Record<string, string | undefined>): SimEnvResult {
  const parsed = simEnvSchema.safeParse(env);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const e = parsed.data;
  return {
    ok: true,
    options: {
      host: e.SIM_HOST,
      port: e.SIM_PORT,
      credentials: [{ ak: e.SIM_AK, sk: e.SIM_SK }],
      users: [{ domain: e.SIM_IAM_DOMAIN, name: e.SIM_IAM_USER, password: e.SIM_IAM_PASSWORD }],
      syncDelayMs: e.SIM_SYNC_DELAY_MS,
      tokenTtlMs: e.SIM_TOKEN_TTL_MS,
      stateFile: e.SIM_STATE_FILE,
      faults: e.SIM_FAULTS,
    },
  };
}
