import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

// Inputs of the users API (docs/api.md "Users"); pure, so the admin page can use them too.

export const userIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

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
