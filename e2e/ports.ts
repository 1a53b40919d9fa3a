// Where a Playwright worker finds its stack. Each worker runs against a stack of its own — app, simulator and
// database — so specs that change the simulator's faults or the app's users never meet another worker's specs.

/** How many workers (and stacks) the suite runs with; E2E_WORKERS overrides. */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 1);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const E2E_SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4110);

/** The stack of worker `index` (Playwright's parallel index; 0 outside a worker). */
export function stackPorts(index = Number(process.env.TEST_PARALLEL_INDEX ?? 0)) {
  return { app: E2E_APP_PORT + index, simulator: E2E_SIM_PORT + index };
}
