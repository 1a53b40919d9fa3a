// A sentence for a person as data: a catalog key and its parameters, rendered in the reader's language.
// Server answers, task records and audit entries carry these; the browser renders them with its catalog,
// the server renders English for logs, API clients and the `message` field of error answers.

export type MessageParam = string | number | Message;
export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface Message {
  /** A key of the message catalogs, e.g. `errors.job.notFound`. */
  readonly key: string;
  readonly params?: MessageParams;
}

export function msg(key: string, params?: Record<string, MessageParam>): Message {
  return params && Object.keys(params).length > 0 ? { key, params } : { key };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as { key?: unknown }).key === "string";
}

/** A catalog lookup with plain values, as next-intl's `t` (from useTranslations() or createTranslator()). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The sentence in `t`'s language; parameters that are messages themselves are rendered first. */
export function renderMessage(t: Translate, message: Message): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    values[name] = typeof value === "object" ? renderMessage(t, value) : value;
  }
  return t(message.key, values);
}

/** A message kept as JSON (a task's last error, an audit entry), or null when the text is not one. */
export function messageFromJson(text: string | null | undefined): Message | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isMessage(value) ? value : null;
  } catch {
    return null;
  }
}
