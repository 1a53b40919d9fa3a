import type { OperationName } from "./operations";

export interface StatsView {
  total: number;
  operations: Partial<Record<OperationName, number>>;
  regions: Record<string, { total: number; operations: Partial<Record<OperationName, number>> }>;
}

/** Requests per region and operation, counted before faults and authentication (so retries count too). */
export class Stats {
  private view: StatsView = emptyStats();

  count(region: string, operation: OperationName): void {
    const r = (this.view.regions[region] ??= { total: 0, operations: {} });
    r.total += 1;
    r.operations[operation] = (r.operations[operation] ?? 0) + 1;
    this.view.operations[operation] = (this.view.operations[operation] ?? 0) + 1;
    this.view.total += 1;
  }

  get current(): StatsView {
    return structuredClone(this.view);
  }

  reset(): void {
    this.view = emptyStats();
  }
}

const emptyStats = (): StatsView => ({ total: 0, operations: {}, regions: {} });
