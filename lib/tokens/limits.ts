// A token's name and expiry limits: free of zod, so the settings form checks with the API's numbers (schemas.ts uses
// them too) without shipping zod to the browser.

export const TOKEN_NAME_MAX = 100;
export const TOKEN_DAYS_MAX = 365;
export const TOKEN_DAYS_DEFAULT = 90;
/** The expiries the settings page offers; the API takes any whole number of days from 1 to TOKEN_DAYS_MAX. */
export const TOKEN_DAYS_CHOICES = [7, 30, 90, 180, 365] as const;

/** The name as the API keeps it (at most TOKEN_NAME_MAX characters, then trimmed), or null when it would refuse it. */
export function tokenNameOf(text: string): string | null {
  if (text.length > TOKEN_NAME_MAX) return null;
  const name = text.trim();
  return name === "" ? null : name;
}
