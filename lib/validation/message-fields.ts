import { z } from "zod";
import type { Message } from "@/i18n/message";

// A message as fields of an answer (`key`, `params`) beside its English `message`, as error answers carry it, for
// answers that report a failure among other results (a backfill that did not start, a repository that could not be read).
// Pure: the browser parses answers with these schemas.

type MessageShape = { key: string; params?: Record<string, string | number | MessageShape> };
const messageShapeSchema: z.ZodType<MessageShape> = z.object({
  key: z.string(),
  get params() {
    return messageParamsSchema.optional();
  },
});
const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), messageShapeSchema]));

/** `key` and `params` of a message, to spread into an answer's object schema. */
export const messageFieldsShape = {
  /** The message's catalog key, for rendering it in the reader's language. */
  key: z.string(),
  params: messageParamsSchema.optional(),
};

/** `{ key, params? }` of a message, to spread into an answer. */
export function messageFields(m: Message): { key: string; params?: MessageShape["params"] } {
  return m.params ? { key: m.key, params: m.params as MessageShape["params"] } : { key: m.key };
}

/** The message of an answer's `key` and `params`. */
export function messageOf(fields: { key: string; params?: MessageShape["params"] }): Message {
  return fields.params ? { key: fields.key, params: fields.params } : { key: fields.key };
}
