import { msg } from "@/i18n/message";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { AppError, validationError } from "@/lib/errors";
import type { Profile, UserDto } from "@/lib/users/dto";
import { newUserSchema, type NewUser, type UpdateProfileInput } from "@/lib/users/schemas";
import type { User } from "@/prisma/generated/postgres/client";
import type { Db } from "./create-client";
import { prismaCode } from "./prisma-errors";

// User queries over any client: lib/db/users.ts binds them to the app's client, scripts and tests to their own.

/** A row as the browser may see it (lib/users/dto.ts): field by field, so the password hash never leaves. */
export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function parseNewUser(input: NewUser) {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, msg("errors.users.invalid"));
  const { password, ...fields } = parsed.data;
  return { ...fields, passwordHash: await hashPassword(password) };
}

const userGone = () => new AppError("not_found", msg("errors.users.gone"));

export function createUserStore(client: Db) {
  const findByEmail = (email: string) => client.user.findUnique({ where: { email: normaliseEmail(email) } });
  const update = async (id: string, data: { role?: Role; disabled?: boolean }): Promise<UserDto> => {
    try {
      return toUserDto(await client.user.update({ where: { id }, data }));
    } catch (error) {
      if (prismaCode(error) === "P2025") throw userGone();
      throw error;
    }
  };

  return {
    async getUserByEmail(email: string): Promise<UserDto | null> {
      const user = await findByEmail(email);
      return user && toUserDto(user);
    },

    async getUserById(id: string): Promise<UserDto | null> {
      const user = await client.user.findUnique({ where: { id } });
      return user && toUserDto(user);
    },

    /** The user and their password hash, for sign-in only. */
    async getUserCredentials(email: string): Promise<{ user: UserDto; passwordHash: string } | null> {
      const user = await findByEmail(email);
      return user && { user: toUserDto(user), passwordHash: user.passwordHash };
    },

    async listUsers(): Promise<UserDto[]> {
      return (await client.user.findMany({ orderBy: { email: "asc" } })).map(toUserDto);
    },

    /** Throws AppError validation_failed for bad input and conflict when the email is taken. */
    async createUser(input: NewUser): Promise<UserDto> {
      const data = await parseNewUser(input);
      try {
        return toUserDto(await client.user.create({ data }));
      } catch (error) {
        if (prismaCode(error) === "P2002")
          throw new AppError("conflict", msg("errors.users.emailTaken", { email: data.email }));
        throw error;
      }
    },

    /** Creates the user unless the email exists; an existing user (and password) is left as it is. */
    async createUserIfMissing(input: NewUser): Promise<{ user: UserDto; created: boolean }> {
      const existing = await findByEmail(input.email);
      if (existing) return { user: toUserDto(existing), created: false };
      const data = await parseNewUser(input);
      // Upsert, not create, in case another process inserted it meanwhile; only our row carries our freshly salted hash.
      const user = await client.user.upsert({ where: { email: data.email }, update: {}, create: data });
      return { user: toUserDto(user), created: user.passwordHash === data.passwordHash };
    },

    /** The user's own preferences; AppError not_found when the user does not exist. */
    async getProfile(id: string): Promise<Profile> {
      const user = await client.user.findUnique({ where: { id }, select: { timeZone: true } });
      if (!user) throw userGone();
      return { timeZone: user.timeZone };
    },

    async updateProfile(id: string, patch: UpdateProfileInput): Promise<Profile> {
      try {
        const user = await client.user.update({ where: { id }, data: patch, select: { timeZone: true } });
        return { timeZone: user.timeZone };
      } catch (error) {
        if (prismaCode(error) === "P2025") throw userGone();
        throw error;
      }
    },

    updateUserRole: (id: string, role: Role) => update(id, { role }),
    setUserDisabled: (id: string, disabled: boolean) => update(id, { disabled }),
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
