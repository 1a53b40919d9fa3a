"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type SignInProblem, signInProblem } from "@/lib/auth/sign-in-error";
import { rememberTimeZoneAtSignIn } from "@/components/shell/time-zone-cookie";
import { signInWithCredentials } from "./auth-endpoints";

const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600";

/** The form; `error` is a sign-in error code the page was opened with (next-auth sends failed sign-ins here). */
export function LoginForm({ callbackUrl, error: initialError }: { callbackUrl: string; error?: string }) {
  const t = useTranslations("login");
  const router = useRouter();
  const say = (problem: SignInProblem) => (problem.key === "throttled" ? t("throttled", { seconds: problem.seconds }) : t(problem.key));
  const [error, setError] = useState<string | null>(() => (initialError ? say(signInProblem(initialError)) : null));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError(t("required"));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signInWithCredentials(email, password);
      if (result.ok && !result.error) {
        // Before the first page is asked for, so that it already shows times in the person's zone.
        await rememberTimeZoneAtSignIn();
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      setError(say(signInProblem(result.error ?? "")));
    } catch {
      setError(t("failed"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("title")}>
      {error ? <Alert>{error}</Alert> : null}
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </div>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
