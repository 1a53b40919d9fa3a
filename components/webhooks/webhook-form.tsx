"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { ApiError } from "@/lib/query/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass, selectClass } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useErrorText, useFieldErrorText } from "@/components/ui/use-message";
import type { WebhookDto } from "@/lib/webhooks/dto";
import {
  SECRET_MIN_LENGTH,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
  WEBHOOK_LANGUAGES,
  type WebhookEvent,
  type WebhookFormat,
  type WebhookLanguage,
} from "@/lib/webhooks/events";
import type { WebhookInput } from "./api";
import { useSaveWebhook } from "./use-webhooks";

/** The add/edit dialog: name, URL, format, language of the cards, events, secret (write-only: editing keeps it unless replaced or removed). */
export function WebhookForm({ webhook, open, onClose }: { webhook?: WebhookDto; open: boolean; onClose: () => void }) {
  const t = useTranslations("webhooks");
  const toast = useToast();
  const save = useSaveWebhook();
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const id = useId();
  const [name, setName] = useState(webhook?.name ?? "");
  const [url, setUrl] = useState(webhook?.url ?? "");
  const [format, setFormat] = useState<WebhookFormat>(webhook?.format ?? "generic");
  const [language, setLanguage] = useState<WebhookLanguage>(webhook?.language ?? "en");
  const [events, setEvents] = useState<WebhookEvent[]>(webhook?.events ?? ["job.succeeded", "job.failed"]);
  const [enabled, setEnabled] = useState(webhook?.enabled ?? true);
  const [secret, setSecret] = useState("");
  const [removeSecret, setRemoveSecret] = useState(false);

  const fields = save.error instanceof ApiError ? fieldErrorText(save.error) : {};
  const fieldError = (key: string) => Object.entries(fields).filter(([k]) => k === key || k.startsWith(`${key}.`)).flatMap(([, v]) => v).join(" ") || undefined;

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: WebhookInput = {
      name,
      url,
      format,
      language,
      events,
      enabled,
      ...(secret ? { secret } : removeSecret ? { secret: null } : {}),
    };
    save.mutate(
      { id: webhook?.id, input },
      {
        onSuccess: (saved) => {
          toast(t(webhook ? "updated" : "created", { name: saved.name }), "success");
          setSecret("");
          onClose();
        },
      },
    );
  };

  const toggle = (event: WebhookEvent, on: boolean) => setEvents((list) => (on ? [...list, event] : list.filter((e) => e !== event)));

  return (
    <Dialog open={open} onClose={close} title={webhook ? t("editTitle", { name: webhook.name }) : t("addTitle")}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <Field id={`${id}-name`} label={t("name")} error={fieldError("name")}>
          {(ids) => <input {...ids} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />}
        </Field>
        <Field id={`${id}-url`} label={t("url")} hint={t("urlHint")} error={fieldError("url")}>
          {(ids) => <input {...ids} type="url" className={inputClass} value={url} onChange={(e) => setUrl(e.target.value)} required inputMode="url" />}
        </Field>
        <Field id={`${id}-format`} label={t("format")} error={fieldError("format")}>
          {(ids) => (
            <select {...ids} className={selectClass} value={format} onChange={(e) => setFormat(WEBHOOK_FORMATS.find((f) => f === e.target.value) ?? "generic")}>
              {WEBHOOK_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`formats.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-language`} label={t("language")} hint={t("languageHint")} error={fieldError("language")}>
          {(ids) => (
            <select {...ids} className={selectClass} value={language} onChange={(e) => setLanguage(WEBHOOK_LANGUAGES.find((l) => l === e.target.value) ?? "en")}>
              {WEBHOOK_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="space-y-1" aria-describedby={fieldError("events") ? `${id}-events-error` : undefined}>
          <legend className="text-sm font-medium">{t("events")}</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <Checkbox checked={events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />
              {t(`eventNames.${event}`)}
            </label>
          ))}
          <p className="text-xs text-slate-600 dark:text-slate-300">{t("keptHint")}</p>
          {fieldError("events") ? (
            <p id={`${id}-events-error`} className="text-xs text-red-700 dark:text-red-300">
              {fieldError("events")}
            </p>
          ) : null}
        </fieldset>
        <Field
          id={`${id}-secret`}
          label={t("secret")}
          hint={webhook?.secretSet ? t("secretKeepHint") : t("secretHint", { min: SECRET_MIN_LENGTH })}
          error={fieldError("secret")}
        >
          {(ids) => (
            <input {...ids} type="password" autoComplete="new-password" className={inputClass} value={secret} onChange={(e) => setSecret(e.target.value)} disabled={removeSecret} />
          )}
        </Field>
        {webhook?.secretSet ? (
          <label className="flex items-center gap-2 text-sm">
            <Checkbox checked={removeSecret} onChange={(e) => setRemoveSecret(e.target.checked)} />
            {t("removeSecret")}
          </label>
        ) : null}
        <label className="flex items-center gap-2 text-sm">
          <Checkbox checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t("enabled")}
        </label>
        {save.isError ? <Alert>{errorText(save.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t("saving") : t("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
