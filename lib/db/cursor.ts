import { z } from "zod";
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

/** The position a cursor names; AppError validation_failed (400) for anything this API did not hand out. */
export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) {
    throw new AppError("validation_failed", "The query is not valid.", {
      cursor: ["is not a cursor this API handed out; start again from the first page"],
    });
  }
  return { at: new Date(result.data.at), id: result.data.id };
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
