import "server-only";

// Per SWR region: how many sync_images calls this engine has in flight; whether the region asked it to wait (429 or
// busy), which slows that region's jobs only; and its run of failed calls, which sets how long a failed chunk waits
// (lib/sync/submit.ts). A call SWR is slow to answer may give its place back (it is then more likely hung than
// slow), up to a bound of such calls per region, so that a few hung calls do not stop the region's other work
// until they time out.

/** A place among a region's calls, held by one call. */
export interface RegionSlot {
  /** The call is done: its place (or its count among the slow calls) is free. */
  release(): void;
  /** The call is slow: give its place to another call and count it among the slow ones; false when they are at their bound. */
  letGo(): boolean;
}

export class RegionGate {
  private readonly inFlight = new Map<string, number>();
  private readonly slow = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly paused = new Map<string, number>();
  private readonly failing = new Map<string, number>();

  constructor(
    private readonly perRegion: number,
    private readonly now: () => Date,
    /** Calls that gave their place back and are still out, per region, at most. */
    private readonly slowPerRegion = perRegion * 4,
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

  /** A sync_images call to the region was answered with success: its run of failures is over. */
  succeeded(region: string): void {
    this.failing.delete(region);
  }

  /** A sync_images call to the region failed in a way worth retrying; the region's failures in a row, this one counted. */
  failed(region: string): number {
    const streak = (this.failing.get(region) ?? 0) + 1;
    this.failing.set(region, streak);
    return streak;
  }

  /** Waits for a free place among the region's calls. */
  async acquire(region: string): Promise<RegionSlot> {
    if ((this.inFlight.get(region) ?? 0) >= this.perRegion) {
      await new Promise<void>((resolve) => this.waiting.set(region, [...(this.waiting.get(region) ?? []), resolve]));
    }
    this.inFlight.set(region, (this.inFlight.get(region) ?? 0) + 1);
    let state: "held" | "slow" | "released" = "held";
    const freePlace = () => {
      this.inFlight.set(region, (this.inFlight.get(region) ?? 1) - 1);
      const next = this.waiting.get(region)?.shift();
      if (next) next();
    };
    return {
      release: () => {
        if (state === "held") freePlace();
        else if (state === "slow") this.slow.set(region, (this.slow.get(region) ?? 1) - 1);
        state = "released";
      },
      letGo: () => {
        if (state !== "held" || (this.slow.get(region) ?? 0) >= this.slowPerRegion) return false;
        this.slow.set(region, (this.slow.get(region) ?? 0) + 1);
        state = "slow";
        freePlace();
        return true;
      },
    };
  }
}
