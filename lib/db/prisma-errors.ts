// Prisma's error code (P2002 unique violation, P2025 record not found…) of a thrown value, if it has one.
export function prismaCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}
