export async function cliAdapter(url: string) {
  if (url.startsWith("postgres")) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaPg({ connectionString: url });
  }
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  return new PrismaBetterSQLite3({ url });
}
