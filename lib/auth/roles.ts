import { type Message, msg } from "@/i18n/message";
import type { Role as PrismaRole } from "@/prisma/generated/postgres/enums";

// Roles in increasing power; pure and free of zod, so client components may import it too (role-schema.ts has the schema).

export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

// Compile-time check that this list and the Prisma enum name the same roles.
const _sameRoles: [Role, PrismaRole] extends [PrismaRole, Role] ? true : never = true;

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Whether a user with `role` may do what needs `minRole` (viewer < operator < admin). */
export function roleAllows(role: Role, minRole: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minRole);
}

/** A role's name as a message parameter, rendered in the reader's language. */
export function roleName(role: Role): Message {
  return msg(`errors.role.${role}`);
}
