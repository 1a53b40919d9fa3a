import "server-only";
import { recordAudit } from "@/lib/db/audit";
import { logger } from "@/lib/log";
import type { Role } from "./roles";
import type { SessionUser } from "./session-user";

// A signed-in user refused for their role leaves an audit event (`access_denied`), at most one a minute per user,
// method and route in each server process, so that a page polling a route it may not read cannot flood the log.
// Anonymous requests (401) are not audited: there is no one to attribute them to.

const WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;

/** Lets each key through at most once per window; pure over the times it is given. */
export class OncePerWindow {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  /** Whether `key` may pass at `now`, and if so, remembers it. */
  admit(key: string, now: number): boolean {
    const at = this.last.get(key);
    if (at !== undefined && now - at < this.windowMs) return false;
    this.last.delete(key);
    if (this.last.size >= this.maxKeys) this.forgetOld(now);
    this.last.set(key, now);
    return true;
  }

  /** Keys whose window has passed go; if every key is recent, the oldest goes (entries are in the order last admitted). */
  private forgetOld(now: number): void {
    for (const [key, at] of this.last) if (now - at >= this.windowMs) this.last.delete(key);
    const oldest = this.last.keys().next();
    if (this.last.size >= this.maxKeys && !oldest.done) this.last.delete(oldest.value);
  }
}

const recent = new OncePerWindow(WINDOW_MS, MAX_KEYS);

export interface DeniedAccess {
  method: string;
  /** The route's pattern (`/api/users/[id]`), so that one route is one key whatever the IDs asked for. */
  route: string;
  needed: Role;
}

/** Records that `user` was refused `access` for their role, unless the same was recorded within the last minute. */
export async function auditAccessDenied(user: SessionUser, access: DeniedAccess, now = Date.now()): Promise<void> {
  if (!recent.admit(`${user.id} ${access.method} ${access.route}`, now)) return;
  await recordAudit({
    action: "access_denied",
    actor: { id: user.id, email: user.email },
    target: access.route,
    outcome: "failure",
    detail: { method: access.method, route: access.route, role: user.role, needed: access.needed },
  }).catch((error: unknown) => logger("audit").error({ err: error }, "could not record a refused request in the audit log"));
}

/**
 * `/api/users/[id]/sessions/revoke` for `/api/users/ck1/sessions/revoke` with `{ id: "ck1" }`: each path segment that
 * is a parameter's value becomes the parameter's name (a catch-all's segments, `[...name]`).
 */
export function routePattern(pathname: string, params: unknown): string {
  const segments = pathname.split("/");
  if (!params || typeof params !== "object") return pathname;
  for (const [name, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
    if (values.length === 0) continue;
    const decoded = segments.map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    // From the end: a parameter sits after the static segments it might spell.
    for (let i = segments.length - values.length; i >= 0; i--) {
      if (values.every((v, j) => decoded[i + j] === v)) {
        segments.splice(i, values.length, Array.isArray(value) ? `[...${name}]` : `[${name}]`);
        break;
      }
    }
  }
  return segments.join("/");
}
