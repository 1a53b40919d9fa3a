import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/i18n/config";
import { textIn } from "@/i18n/catalog-text";
import { type Message, msg } from "@/i18n/message";
import { AppError, toResponse } from "@/lib/errors";

// The answers proxy.ts gives before any route or page runs: the API's error shape, or a small page in the reader's
// language (the one the pages would choose: the person's pick in a cookie, else the browser's).

export type RefusalCode = "bad_request" | "payload_too_large";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The language of a refusal page: the NEXT_LOCALE cookie's, else the best of Accept-Language. */
export function refusalLocale(headers: Headers, cookies: { get(name: string): { value: string } | undefined }): Locale {
  const chosen = cookies.get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : negotiateLocale(headers.get("accept-language"));
}

/** A 400 or 413 before routing: JSON like every API answer, or a page for a person. */
export function refusal(code: RefusalCode, message: Message, as: { api: true } | { api: false; locale: Locale }): Response {
  if (as.api) {
    const response = toResponse(new AppError(code, message));
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  const text = (m: Message) => textIn(as.locale, m);
  const title = text(msg(code === "bad_request" ? "errors.request.badRequestTitle" : "errors.request.tooLargeTitle"));
  const html = `<!doctype html><html lang="${as.locale}"><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text(message))}</p><p><a href="/">${escapeHtml(text(msg("errors.request.backToDashboard")))}</a></p></html>`;
  return new Response(html, { status: code === "bad_request" ? 400 : 413, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
