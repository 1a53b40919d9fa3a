import "server-only";
import type { Role } from "@/lib/auth/roles";
import type { NewUser, UpdateProfileInput } from "@/lib/users/schemas";
import { db } from "./client";
import { forgetUserSessions, revokeUserSessions } from "./user-sessions";
import { createUserStore } from "./user-store";

const users = () => createUserStore(db());

export const getUserByEmail = (email: string) => users().getUserByEmail(email);
export const getUserById = (id: string) => users().getUserById(id);
export const getUserCredentials = (email: string) => users().getUserCredentials(email);
export const listUsers = () => users().listUsers();
export const createUser = (input: NewUser) => users().createUser(input);
export const getProfile = (id: string) => users().getProfile(id);
export const updateProfile = (id: string, patch: UpdateProfileInput) => users().updateProfile(id, patch);

// Changes hold from the user's very next request in this process; disabling also ends their sessions for good.
export async function updateUserRole(id: string, role: Role) {
  const user = await users().updateUserRole(id, role);
  forgetUserSessions(id);
  return user;
}
export async function setUserDisabled(id: string, disabled: boolean) {
  const user = await users().setUserDisabled(id, disabled);
  if (disabled) await revokeUserSessions(id);
  forgetUserSessions(id);
  return user;
}
