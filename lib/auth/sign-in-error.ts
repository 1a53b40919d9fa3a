// Sign-in errors as the login form says them. next-auth names an error by a code (`CredentialsSignin`, `Configuration`,
// …) in its answer to the form or in the address it sends the browser to (/login?error=…); a throttled attempt's
// message carries the wait. Pure, so the browser can import it.

const THROTTLED = /^SignInThrottled:(\d{1,6})$/;

/** The error message that tells the form to wait `retryAfterSeconds`. */
export function throttledSignInError(retryAfterSeconds: number): string {
  return `SignInThrottled:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The wait in seconds a sign-in error asks for, or null for any other error. */
export function retryAfterOf(error: string | null | undefined): number | null {
  const match = THROTTLED.exec(error ?? "");
  return match ? Number(match[1]) : null;
}

/** next-auth's error codes that the login form words on their own; any other is "sign-in failed". */
const PROBLEMS = {
  CredentialsSignin: "invalid",
  Configuration: "configuration",
  AccessDenied: "accessDenied",
  SessionRequired: "sessionRequired",
} as const;

/** The login form's message (a key of `login`) for a sign-in error code. */
export type SignInProblem = { key: "throttled"; seconds: number } | { key: (typeof PROBLEMS)[keyof typeof PROBLEMS] | "failed" };

export function signInProblem(error: string): SignInProblem {
  const seconds = retryAfterOf(error);
  if (seconds !== null) return { key: "throttled", seconds };
  return { key: Object.hasOwn(PROBLEMS, error) ? PROBLEMS[error as keyof typeof PROBLEMS] : "failed" };
}
