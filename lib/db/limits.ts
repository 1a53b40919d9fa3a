// Lists of ids go into queries in slices below the smaller bind-variable limit of both databases
// (Prisma allows 999 per query on SQLite), so a 50,000-tag job never exceeds it.
export const IDS_PER_QUERY = 500;
