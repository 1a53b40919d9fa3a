import { createHmac } from "node:crypto";
import { translatorFor } from "@/i18n/catalog-text";
import { type Message, msg, renderMessage } from "@/i18n/message";
import { JOB_STATUSES } from "@/lib/jobs/states";
import { quoted } from "./delivery-error";
import type { EventPayload } from "./dto";
import type { WebhookFormat, WebhookLanguage } from "./events";

// One event as each receiver wants it: our generic JSON, or a small text card for a chat robot
// (WeCom group robot and DingTalk robot markdown, a Feishu/Lark interactive card, Slack blocks), its words from the
// catalogs (webhookCards.*) in the webhook's language. Pure.

interface Card {
  title: string;
  lines: string[];
  link: string | null;
  linkText: string;
}

/** How a webhook wants its events: the body's format and the language of a card's words. */
export interface Receiver {
  format: WebhookFormat;
  language: WebhookLanguage;
}

const place = (p: { namespace: string; region: string }) => msg("webhookCards.place", { namespace: p.namespace, region: p.region });

function cardOf(payload: EventPayload, language: WebhookLanguage): Card {
  const t = translatorFor(language);
  const text = (m: Message) => renderMessage(t, m);
  const title = text(msg(`webhookCards.title.${payload.event.replace(/^job\./, "")}`));
  const linkText = text(msg("webhookCards.open"));
  // The test message is written in the webhook's language whatever the stored payload says (it may predate the language).
  if (!("job" in payload))
    return { title, lines: [text(msg("webhookCards.testMessage")), text(msg("webhookCards.webhook", { name: payload.webhook.name }))], link: null, linkText };
  const { job } = payload;
  const c = job.counts;
  const counts = [msg("webhookCards.total", { count: c.total }), msg("webhookCards.succeeded", { count: c.succeeded }), msg("webhookCards.failed", { count: c.failed })];
  if (c.cancelled > 0) counts.push(msg("webhookCards.cancelled", { count: c.cancelled }));
  if (c.kept > 0) counts.push(msg("webhookCards.kept", { count: c.kept }));
  const list = (items: Message[]) => items.map(text).join(text(msg("webhookCards.separator")));
  const repository = `${job.source.namespace}/${job.source.repository}`;
  const repositoryCount = job.repositoryCount ?? 1;
  const status = (JOB_STATUSES as readonly string[]).includes(job.status) ? text(msg(`jobStatus.${job.status}`)) : job.status;
  return {
    title,
    lines: [
      text(msg("webhookCards.status", { status })),
      text(
        repositoryCount > 1
          ? msg("webhookCards.repositories", { repository, more: repositoryCount - 1, region: job.source.region })
          : msg("webhookCards.repository", { repository, region: job.source.region }),
      ),
      text(
        job.targets && job.targets.length > 1
          ? msg("webhookCards.targets", { targetList: list(job.targets.map(place)) })
          : msg("webhookCards.target", { target: place(job.target) }),
      ),
      text(msg("webhookCards.tags", { counts: list(counts) })),
    ],
    link: job.url,
    linkText,
  };
}

/** Markdown in the dialect most robots share (bold, links, one item a line). */
function markdown(card: Card, bold: (s: string) => string, link: (text: string, url: string) => string): string {
  return [bold(card.title), ...card.lines, ...(card.link ? [link(card.linkText, card.link)] : [])].join("\n");
}

const md = (s: string) => `**${s}**`;
const mdLink = (text: string, url: string) => `[${text}](${url})`;

export interface Rendered {
  /** The URL to post to (DingTalk's signed robots take their signature in the query). */
  url: string;
  body: string;
}

/** The request for the receiver's format; `secret` is used by robots that sign in their own way (DingTalk, Feishu). */
export function renderDelivery({ format, language }: Receiver, payload: EventPayload, target: string, secret: string | null, now = new Date()): Rendered {
  const card = cardOf(payload, language);
  switch (format) {
    case "generic":
      return { url: target, body: JSON.stringify(payload) };
    case "wecom":
      return { url: target, body: JSON.stringify({ msgtype: "markdown", markdown: { content: markdown(card, md, mdLink) } }) };
    case "dingtalk": {
      const body = JSON.stringify({ msgtype: "markdown", markdown: { title: card.title, text: markdown(card, (s) => `### ${s}`, mdLink).replaceAll("\n", "\n\n") } });
      if (!secret) return { url: target, body };
      // DingTalk's "additional signature": HMAC-SHA256 of "<ms>\n<secret>" under the secret, base64, in the query.
      const ms = now.getTime();
      const sign = createHmac("sha256", secret).update(`${ms}\n${secret}`).digest("base64");
      const url = new URL(target);
      url.searchParams.set("timestamp", String(ms));
      url.searchParams.set("sign", sign);
      return { url: url.toString(), body };
    }
    case "feishu": {
      const card_ = {
        header: { title: { tag: "plain_text", content: card.title }, template: payload.event === "job.succeeded" ? "green" : payload.event === "test" ? "blue" : "red" },
        elements: [{ tag: "div", text: { tag: "lark_md", content: markdown(card, (s) => s, mdLink).split("\n").slice(1).join("\n") } }],
      };
      if (!secret) return { url: target, body: JSON.stringify({ msg_type: "interactive", card: card_ }) };
      // Feishu's signature check: HMAC-SHA256 of nothing under "<seconds>\n<secret>", base64, in the body.
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const sign = createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64");
      return { url: target, body: JSON.stringify({ timestamp, sign, msg_type: "interactive", card: card_ }) };
    }
    case "slack": {
      const text = markdown(card, (s) => `*${s}*`, (t, u) => `<${u}|${t}>`);
      return { url: target, body: JSON.stringify({ text: card.title, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] }) };
    }
  }
}

/**
 * Whether the receiver took the message: a 2xx status, and for the chat robots that answer 200 to everything,
 * their own success code in the body (WeCom and DingTalk `errcode: 0`, Feishu `code: 0`).
 */
export function acceptedBy(format: WebhookFormat, status: number, body: string): { ok: boolean; error: Message | null } {
  if (status < 200 || status > 299)
    return {
      ok: false,
      error: body
        ? msg("errors.webhooks.delivery.httpSaying", { status, body: quoted(body) })
        : msg("errors.webhooks.delivery.http", { status }),
    };
  if (format !== "wecom" && format !== "dingtalk" && format !== "feishu") return { ok: true, error: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, error: msg("errors.webhooks.delivery.notJson", { body: quoted(body) }) };
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const code = format === "feishu" ? (record.code ?? record.StatusCode) : record.errcode;
  if (code === 0) return { ok: true, error: null };
  const message = record.errmsg ?? record.msg ?? record.StatusMessage;
  return {
    ok: false,
    error:
      typeof message === "string"
        ? msg("errors.webhooks.delivery.robotRefusedSaying", { code: String(code), detail: quoted(message) })
        : msg("errors.webhooks.delivery.robotRefused", { code: String(code) }),
  };
}
