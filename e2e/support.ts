import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import { DEMO_USERS } from "@/lib/db/demo-users";
import { stackPorts } from "./ports";

/** This worker's simulator (e2e/ports.ts). */
export const SIM_URL = `http://127.0.0.1:${stackPorts().simulator}`;

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

export type Zh = (key: string, values?: Record<string, string | number>) => string;

/** The zh-CN catalog's `t`, to find controls by the names a Chinese reader sees. */
export function zhTranslator(): Zh {
  const dir = path.resolve("messages", "zh-CN");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  const messages = Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as object)) as Record<string, unknown>;
  return createTranslator({ locale: "zh-CN", messages }) as unknown as Zh;
}

const SAMPLE_PARAMS: Record<string, string> = { id: "no-such-job", region: "cn-north-4", namespace: "team-a", repository: "nginx" };

/** Every page of the app, listed from app/ on disk, with sample values in its dynamic segments. */
export function appPagePaths(): string[] {
  const app = path.resolve("app"); // Playwright runs from the project root
  return readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "page.tsx")
    .map(
      (f) =>
        `/${path.dirname(f)}`
          .split(path.sep)
          .join("/")
          .replace(/\/\([^)]+\)/g, "")
          .replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => SAMPLE_PARAMS[name] ?? "x")
          .replace(/\/\.$/, "") || "/",
    )
    .sort();
}
