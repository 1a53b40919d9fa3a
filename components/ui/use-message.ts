"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { type Message, renderMessage, type Translate } from "@/i18n/message";
import { ApiError } from "@/lib/query/api-client";

// Server messages (catalog key + parameters) rendered in the reader's language.

/** Renders a message; `fallback` (the server's English) when this catalog lacks the key. */
export function useMessageText(): (message: Message, fallback?: string) => string {
  const t = useTranslations();
  return useCallback(
    (message: Message, fallback?: string) =>
      t.has(message.key as never) || fallback === undefined ? renderMessage(t as unknown as Translate, message) : fallback,
    [t],
  );
}

/** A sentence for any failure of a request: the server's message, the status of an answer that was not ours, or a lost connection. */
export function useErrorText(): (error: unknown) => string {
  const t = useTranslations();
  const text = useMessageText();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) return error.msg ? text(error.msg, error.message) : t("errors.httpStatus", { status: error.status });
      if (error instanceof TypeError) return t("errors.network");
      return error instanceof Error ? error.message : String(error);
    },
    [t, text],
  );
}

/** The field messages of a refused request, rendered; the English ones where the answer carried no keys. */
export function useFieldErrorText(): (error: ApiError) => Record<string, string[]> {
  const text = useMessageText();
  return useCallback(
    (error: ApiError) => {
      const out: Record<string, string[]> = {};
      for (const [field, english] of Object.entries(error.fields)) {
        const messages = error.fieldMessages[field];
        out[field] = messages ? messages.map((m, i) => text(m, english[i])) : english;
      }
      return out;
    },
    [text],
  );
}

/** A recorded error (a task's or an attempt's): its catalog message when it carries one, else its English sentence. */
export function useRecordedErrorText(): (error: { message: string; key?: string; params?: Message["params"] }) => string {
  const text = useMessageText();
  return useCallback((error) => (error.key ? text({ key: error.key, params: error.params }, error.message) : error.message), [text]);
}
