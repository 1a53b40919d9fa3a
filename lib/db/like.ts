// Substring search that SQLite and PostgreSQL answer alike. Prisma's `contains` leaves `%` and `_` live, and SQLite's
// LIKE has no escape character unless the query names one; so queries say `LIKE ${containsPattern(text)} ESCAPE '\'`.
// Case: SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so callers compare lowercase text with lowercase
// columns (emails and SWR names are stored lowercase).

/** `%` + the text with `\`, `%` and `_` escaped + `%`. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
