// The sign-in error for a throttled attempt: authorize throws it, next-auth hands its message to the login form as
// `error`, and the form reads the wait back from it. Pure, so the browser can import it.

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
