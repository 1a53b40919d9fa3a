import "server-only";
import type { Role } from "@/lib/auth/roles";
import type { NewUser } from "@/lib/users/schemas";
import { db } from "./client";
import { createUserStore } from "./user-store";

const users = () => createUserStore(db());

export const getUserByEmail = (email: string) => users().getUserByEmail(email);
export const getUserById = (id: string) => users().getUserById(id);
export const getUserCredentials = (email: string) => users().getUserCredentials(email);
export const listUsers = () => users().listUsers();
export const createUser = (input: NewUser) => users().createUser(input);
export const updateUserRole = (id: string, role: Role) => users().updateUserRole(id, role);
export const setUserDisabled = (id: string, disabled: boolean) => users().setUserDisabled(id, disabled);
