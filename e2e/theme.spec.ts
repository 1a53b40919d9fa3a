import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

// The header's theme choice: kept in a cookie, rendered by the server on the next page, and followed by the
// browser's own parts of controls (date pickers, select lists), which read the page's color-scheme.

const look = (page: Page) =>
  page.evaluate(() => ({
    dark: document.documentElement.classList.contains("dark"),
    colorScheme: getComputedStyle(document.documentElement).colorScheme,
  }));

test("a theme chosen in the header wins over the system's, for the page and its native controls, across pages", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await signIn(page, "viewer");
  const theme = page.getByRole("combobox", { name: "Theme" });
  await expect(theme).toHaveValue("system");
  expect(await look(page)).toEqual({ dark: false, colorScheme: "light dark" });

  await theme.selectOption("dark");
  expect(await look(page)).toEqual({ dark: true, colorScheme: "dark" });
  await page.goto("/jobs");
  expect(await look(page)).toEqual({ dark: true, colorScheme: "dark" });
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("dark");

  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("combobox", { name: "Theme" }).selectOption("light");
  expect(await look(page)).toEqual({ dark: false, colorScheme: "light" });
  await page.reload();
  expect(await look(page)).toEqual({ dark: false, colorScheme: "light" });

  await page.getByRole("combobox", { name: "Theme" }).selectOption("system");
  expect(await look(page)).toEqual({ dark: true, colorScheme: "dark" });
  await page.reload();
  expect(await look(page)).toEqual({ dark: true, colorScheme: "dark" });
});
