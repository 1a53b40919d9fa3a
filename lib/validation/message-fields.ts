import { z } from "zod";
import type { Message, MessageParam } from "@/i18n/message";
import { messageParamsSchema } from "@/i18n/message-schema";

// A message as fields of an answer (`key`, `params`) beside its English `message`, as error answers carry it, for
// answers that report a failure among other results (a backfill that did not start, a repository that could not be
// read). The browser renders them with useRecordedErrorText(). Pure: the browser parses answers with these schemas.

/** `key` and `params` of a message, to spread into an answer's object schema. */
export const messageFieldsShape = {
  /** The message's catalog key, for rendering it in the reader's language. */
  key: z.string(),
  params: messageParamsSchema.optional(),
};

/** `{ key, params? }` of a message, to spread into an answer. */
export function messageFields(m: Message): { key: string; params?: Record<string, MessageParam> } {
  return m.params ? { key: m.key, params: { ...m.params } } : { key: m.key };
}
