import { textIn } from "./catalog-text";
import type { Message } from "./message";

/** The message in English, for the `message` field of API answers, logs and CSV exports. */
export function english(message: Message): string {
  return textIn("en", message);
}
