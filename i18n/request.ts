import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/messages";
import { isLocale, LOCALE_COOKIE, negotiateLocale, resolveTimeZone, TIME_ZONE_COOKIE } from "./config";

// The language follows the browser unless the person picked one (stored in a cookie).
export default getRequestConfig(async () => {
  const jar = await cookies();
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
  // Times show in the browser's zone once it has told us (a cookie set on first load); UTC until then.
  return { locale, messages: await loadMessages(locale), timeZone: resolveTimeZone(jar.get(TIME_ZONE_COOKIE)?.value) };
});
