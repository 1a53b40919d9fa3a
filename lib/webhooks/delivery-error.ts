import { english } from "@/i18n/english";
import { isMessage, type Message, messageFromJson, msg } from "@/i18n/message";

// Why a delivery attempt failed, kept as a message (catalog key and parameters) so that the delivery log reads in
// each reader's language. Stored as JSON in the text columns that held English sentences before; those still read.

/** The most of a receiver's (or the network's) own text a message quotes. */
const QUOTED = 200;

/** Text from outside (an answer's body, a socket error) as a message parameter, cut short. */
export const quoted = (text: string): string => text.slice(0, QUOTED);

/** A failure with no sentence of its own: its text, quoted. */
export function deliveryFailure(error: unknown): Message {
  if (error instanceof Error && "msg" in error && isMessage(error.msg)) return error.msg;
  return msg("errors.webhooks.delivery.failed", { detail: quoted(error instanceof Error ? error.message : String(error)) });
}

/** The column's value for an attempt's error. */
export function storedError(error: Message | null): string | null {
  return error ? JSON.stringify(error) : null;
}

/** An error column as a message: JSON as stored now, or an English sentence recorded by an earlier version. */
export function errorOfStored(stored: string | null): Message | null {
  if (stored === null) return null;
  return messageFromJson(stored) ?? msg("errors.webhooks.delivery.recorded", { text: stored });
}

/** An attempt's error for the API: in English, and as the message it is. */
export function errorFields(stored: string | null): { text: string | null; message: Message | null } {
  const message = errorOfStored(stored);
  return { text: message && english(message), message };
}
