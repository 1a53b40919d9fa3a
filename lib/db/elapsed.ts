import "server-only";
import { env } from "@/lib/env";
import { Prisma } from "@/prisma/generated/postgres/client";
import { databaseProvider } from "./database-url";

// Time between two DateTime columns as whole milliseconds, in SQL that each database reads: SQLite keeps DateTime as
// ISO text (julianday reads it, with its milliseconds), PostgreSQL as timestamp(3) (subtracting gives an interval).

/** A DateTime column of the query's table, by its quoted name. */
type Column = `"${string}"`;

/** `end - start` in milliseconds, rounded, as an integer expression to SELECT, ORDER BY or compare. */
export function elapsedMsSql(start: Column, end: Column): Prisma.Sql {
  if (databaseProvider(env().DATABASE_URL) === "postgres")
    return Prisma.raw(`CAST(ROUND(EXTRACT(EPOCH FROM (${end} - ${start})) * 1000) AS BIGINT)`);
  return Prisma.raw(`CAST(ROUND((julianday(${end}) - julianday(${start})) * 86400000) AS INTEGER)`);
}
