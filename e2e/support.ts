import { expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/db/demo-users";

export const SIM_URL = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 4110}`;

export function demoUser(role: "viewer" | "operator" | "admin") {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
}

export async function signIn(page: Page, role: "viewer" | "operator" | "admin", next = "/") {
  const user = demoUser(role);
  await page.goto(`/login?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
