import "server-only";
import { getTranslations } from "next-intl/server";
import { type Message, renderMessage, type Translate } from "./message";

/** Server components: messages rendered in the language of the request being answered. */
export async function getMessageText(): Promise<(message: Message) => string> {
  const t = (await getTranslations()) as unknown as Translate;
  return (message) => renderMessage(t, message);
}
