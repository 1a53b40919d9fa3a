"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, selectClass } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useErrorText } from "@/components/ui/use-message";
import { sendJson } from "@/lib/query/api-client";
import type { ProfileAnswer } from "@/lib/users/dto";
import type { UpdateProfileInput } from "@/lib/users/schemas";
import { browserTimeZone } from "@/components/shell/time-zone-cookie";

const BROWSER = "";

interface BrowserZones {
  zone: string;
  zones: string[];
}

let browserZones: BrowserZones | undefined;
/** The browser's own zone and the zones it knows (UTC first); they do not change while the page is open. */
function readBrowserZones(): BrowserZones {
  browserZones ??= {
    zone: browserTimeZone(),
    zones: ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")],
  };
  return browserZones;
}
const noSubscription = () => () => {};

/**
 * The person's time zone: their browser's unless they choose one. It is kept on their account, so every browser they
 * sign in with shows and filters times in it from its next page (the header tells the server, see TimeZoneSync).
 */
export function TimeZoneForm({ saved }: { saved: string | null }) {
  const t = useTranslations("preferences");
  const id = useId();
  const toast = useToast();
  const errorText = useErrorText();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [choice, setChoice] = useState(saved ?? BROWSER);
  // The browser's, after hydration: the server cannot know its zone or list.
  const browser = useSyncExternalStore(noSubscription, readBrowserZones, () => null);

  const save = useMutation({
    mutationFn: (input: UpdateProfileInput) => sendJson<ProfileAnswer>("PATCH", "/api/profile", input),
    onSuccess: ({ profile }) => {
      toast(profile.timeZone ? t("savedZone", { zone: profile.timeZone }) : t("savedBrowser"), "success");
      startRefresh(() => router.refresh());
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ timeZone: choice === BROWSER ? null : choice });
  };

  const zones = browser?.zones ?? (saved ? [saved] : []);
  return (
    <form onSubmit={submit} aria-label={t("timeZoneTitle")} className="space-y-3">
      <Field id={`${id}-zone`} label={t("timeZone")} hint={t("timeZoneHint")}>
        {(ids) => (
          <select {...ids} className={`${selectClass} w-full max-w-md`} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value={BROWSER}>{browser ? t("followBrowserZone", { zone: browser.zone }) : t("followBrowser")}</option>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        )}
      </Field>
      {save.isError ? <Alert>{t("saveFailed", { message: errorText(save.error) })}</Alert> : null}
      <Button type="submit" disabled={save.isPending || refreshing || choice === (saved ?? BROWSER)}>
        {save.isPending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
