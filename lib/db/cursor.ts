import { z } from "zod";
import { msg } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { isSupportedDate } from "@/lib/validation/dates";

// Opaque keyset cursors over (time, id) descending, shared by the job history and the audit log.

export interface CursorPosition {
  at: Date;
  id: string;
}

const cursorSchema = z.object({
  at: z.string().max(64, { abort: true }).pipe(z.iso.datetime()).refine((at) => isSupportedDate(Date.parse(at))),
  id: z.string().min(1).max(64, { abort: true }).regex(/^[\x21-\x7e]+$/),
});

export function encodeCursor({ at, id }: CursorPosition): string {
  return Buffer.from(JSON.stringify({ at: at.toISOString(), id })).toString("base64url");
}

/** The position a cursor names, or null for anything this API did not hand out. */
export function readCursor(cursor: string): CursorPosition | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  return result.success ? { at: new Date(result.data.at), id: result.data.id } : null;
}

/** The position a cursor names; AppError validation_failed (400) for anything this API did not hand out. */
export function decodeCursor(cursor: string): CursorPosition {
  const position = readCursor(cursor);
  if (!position) throw new AppError("validation_failed", msg("errors.request.invalidQuery"), { cursor: [msg("errors.validation.cursor")] });
  return position;
}

/** Splits a `limit + 1` read into the page and the cursor of the next one. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, timeOf: (row: T) => Date) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ at: timeOf(last), id: last.id }) : null,
  };
}
