import "server-only";
import type { Prisma } from "@/prisma/generated/postgres/client";
import { db, type DbTx } from "./client";
import type { AuditAction } from "./audit-actions";
import type { AuditPage } from "./audit-dto";
import { decodeCursor, pageOf } from "./cursor";

// The audit log: who did what to which target, and whether it worked. Never secrets; details stay small.

export { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";
export type AuditOutcome = "success" | "failure";

export interface AuditActor {
  id?: string | null;
  email: string;
}

export interface AuditInput {
  actor: AuditActor;
  action: AuditAction;
  target?: string | null;
  outcome: AuditOutcome;
  detail?: Record<string, unknown>;
}

export type { AuditEventDto } from "./audit-dto";

const SECRET_KEY = /pass(word)?|secret|token|credential|authorization|cookie|hash|^sk$/i;
const MAX_STRING = 500;
const MAX_ITEMS = 20;
/** Deep enough for a failure's reason: a message whose parameters are messages too (detail → reason → params → names → params). */
const MAX_DEPTH = 6;
const MAX_EMAIL = 254;

function small(value: unknown, depth: number): unknown {
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value === null || typeof value !== "object") return typeof value === "function" ? undefined : value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return "…";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => small(v, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, v]) => [key, small(v, depth + 1)]),
  );
}

/** The detail as small JSON text: secret-looking keys dropped, long strings and lists cut. */
export function auditDetailText(detail: Record<string, unknown> | undefined): string | null {
  return detail === undefined ? null : JSON.stringify(small(detail, 0));
}

/** Writes one audit event, in the caller's transaction when one is given. */
export async function recordAudit(input: AuditInput, client: DbTx = db()): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: input.actor.id ?? null,
      actorEmail: input.actor.email.trim().slice(0, MAX_EMAIL),
      action: input.action,
      target: input.target ?? null,
      outcome: input.outcome,
      detail: auditDetailText(input.detail),
    },
  });
}

export interface AuditFilters {
  action?: AuditAction;
  actorEmail?: string;
  outcome?: AuditOutcome;
  target?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit?: number;
}

function parseDetail(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Audit events, newest first, in pages of `limit` (default 50). */
export async function listAudit(
  filters: AuditFilters = {},
): Promise<AuditPage> {
  const limit = filters.limit ?? 50;
  const after = filters.cursor ? decodeCursor(filters.cursor) : undefined;
  const where: Prisma.AuditEventWhereInput = {
    action: filters.action,
    actorEmail: filters.actorEmail?.trim().toLowerCase(),
    outcome: filters.outcome,
    target: filters.target,
    at: { gte: filters.from, lt: filters.to },
    ...(after && { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }),
  };
  const rows = await db().auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = pageOf(rows, limit, (r) => r.at);
  return {
    items: page.items.map((r) => ({ ...r, at: r.at.toISOString(), detail: parseDetail(r.detail) })),
    nextCursor: page.nextCursor,
  };
}
