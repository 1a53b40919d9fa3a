import { z } from "zod";
import { roleSchema } from "@/lib/auth/role-schema";
import { timeZoneSchema } from "@/lib/validation/time-zone";

// Inputs about users (docs/api.md "Users"): the users API's params and patch, and a new account as the
// seed and `npm run user:create` give it. Pure, so the admin page can use them too.

export const PASSWORD_MIN_LENGTH = 12;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(1024, "Use at most 1024 characters.");

export const emailSchema = z
  .string()
  .max(254, { message: "Use at most 254 characters.", abort: true })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "Use at most 254 characters."));

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().max(100, { abort: true }).trim().min(1).optional(),
  password: passwordSchema,
  role: roleSchema,
});
export type NewUser = z.input<typeof newUserSchema>;

export const userIdParamsSchema = z.object({
  id: z.string().min(1).max(64, { abort: true }).regex(/^[A-Za-z0-9_-]+$/, "is not a user ID this API handed out"),
});

export const updateUserSchema = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean("must be true or false").optional(),
  })
  .strict()
  .refine((patch) => patch.role !== undefined || patch.disabled !== undefined, {
    message: "Change at least one of role or disabled.",
  });
export type UpdateUserInput = z.output<typeof updateUserSchema>;

/** PATCH /api/profile — the caller's own preferences: an IANA `timeZone`, or null to follow the browser's. */
export const updateProfileSchema = z
  .object({ timeZone: z.union([timeZoneSchema, z.null()], "must be an IANA time zone such as Asia/Shanghai, or null") })
  .strict();
export type UpdateProfileInput = z.output<typeof updateProfileSchema>;
