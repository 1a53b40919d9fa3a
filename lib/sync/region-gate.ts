import "server-only";

// How many sync_images calls this engine has in flight per SWR region, and which regions asked it to
// wait (429 or busy): a region that throttles slows its own jobs only.

export class RegionGate {
  private readonly inFlight = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly paused = new Map<string, number>();

  constructor(
    private readonly perRegion: number,
    private readonly now: () => Date,
  ) {}

  /** Until when the region asked to wait, if it still does. */
  pausedUntil(region: string): Date | null {
    const until = this.paused.get(region);
    if (until === undefined || until <= this.now().getTime()) return null;
    return new Date(until);
  }

  /** The region throttled: its calls wait until `until` (a later pause wins). */
  pause(region: string, until: Date): void {
    this.paused.set(region, Math.max(this.paused.get(region) ?? 0, until.getTime()));
  }

  /** Waits for a free place among the region's calls; call the returned function when the call is done. */
  async acquire(region: string): Promise<() => void> {
    if ((this.inFlight.get(region) ?? 0) >= this.perRegion) {
      await new Promise<void>((resolve) => this.waiting.set(region, [...(this.waiting.get(region) ?? []), resolve]));
    }
    this.inFlight.set(region, (this.inFlight.get(region) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(region, (this.inFlight.get(region) ?? 1) - 1);
      const queue = this.waiting.get(region);
      const next = queue?.shift();
      if (next) next();
    };
  }
}
