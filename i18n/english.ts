import { createTranslator } from "next-intl";
import errors from "@/messages/en/errors.json";
import swrErrors from "@/messages/en/swr-errors.json";
import taskErrors from "@/messages/en/task-errors.json";
import jobErrors from "@/messages/en/job-errors.json";
import { type Message, renderMessage, type Translate } from "./message";

// English renderings of messages, for the `message` field of API answers, logs and CSV exports.
// The catalog is the same one the browser renders in English; a key missing from it is a bug that tests catch.

let translate: Translate | undefined;

function translator(): Translate {
  translate ??= createTranslator({
    locale: "en",
    messages: { ...errors, ...swrErrors, ...taskErrors, ...jobErrors },
    timeZone: "UTC",
    onError: (error) => {
      if (process.env.NODE_ENV !== "production") throw error;
    },
  }) as unknown as Translate;
  return translate;
}

export function english(message: Message): string {
  return renderMessage(translator(), message);
}
