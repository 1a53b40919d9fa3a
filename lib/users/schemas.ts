import { z } from "zod";
import { roleSchema } from "@/lib/auth/role-schema";
import { timeZoneSchema } from "@/lib/validation/time-zone";

// Inputs about users (docs/api.md "Users"): the users API's params and patch, and a new account as the
// seed and `npm run user:create` give it. Pure, so the admin page can use them too. Custom messages are catalog keys.

export const PASSWORD_MIN_LENGTH = 12;

export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(1024);

export const emailSchema = z
  .string()
  .max(254, { abort: true })
  .trim()
  .toLowerCase()
  .pipe(z.email("errors.users.email").max(254));

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().max(100, { abort: true }).trim().min(1).optional(),
  password: passwordSchema,
  role: roleSchema,
});
export type NewUser = z.input<typeof newUserSchema>;

export const userIdParamsSchema = z.object({
  id: z.string().min(1).max(64, { abort: true }).regex(/^[A-Za-z0-9_-]+$/, "errors.users.idInvalid"),
});

export const updateUserSchema = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => patch.role !== undefined || patch.disabled !== undefined, { message: "errors.users.changeSomething" });
export type UpdateUserInput = z.output<typeof updateUserSchema>;

/** PATCH /api/profile — the caller's own preferences: an IANA `timeZone`, or null to follow the browser's. */
export const updateProfileSchema = z
  .object({ timeZone: z.union([timeZoneSchema, z.null()], "errors.validation.timeZoneOrNull") })
  .strict();
export type UpdateProfileInput = z.output<typeof updateProfileSchema>;
