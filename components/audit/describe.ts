import { z } from "zod";
import { jobHref } from "@/components/jobs/links";
import { isMessage, type Message } from "@/i18n/message";
import type { AuditEventDto } from "@/lib/db/audit-dto";

// An audit event as one sentence of the catalog (`audit.sentences.*`) with its values, read from the event's detail,
// and the page its target leads to. Details are checked field by field: an event recorded in another shape (an
// older version, a field cut short) still reads as its action's name rather than as raw JSON.

export type SentenceKey =
  | "sign_in"
  | "sign_in_failed"
  | "sign_in_lockout"
  | "sync_start"
  | "sync_start_failed"
  | "sync_retry"
  | "sync_retry_failed"
  | "sync_overwrite_kept"
  | "sync_overwrite_kept_failed"
  | "sync_cancel"
  | "sync_cancel_failed"
  | "role_change"
  | "user_disable"
  | "user_enable"
  | "sessions_revoke"
  | "token_create"
  | "token_revoke"
  | "token_revoke_other"
  | "token_use_denied"
  | "webhook_create"
  | "webhook_update"
  | "webhook_delete"
  | "sync_rule_create"
  | "sync_rule_create_failed"
  | "sync_rule_delete"
  | "sync_rule_delete_failed"
  | "access_denied"
  | "failed"
  | "other";

export type LinkKind = "job" | "user" | "webhook";
export type SentenceValue = string | number | Date;

export interface AuditSentence {
  key: SentenceKey;
  values: Record<string, SentenceValue>;
  /** Where `<job>`, `<user>` or `<webhook>` in the sentence leads. */
  links: Partial<Record<LinkKind, string>>;
}

/** What the sentences need translated: role names, action names, the names of a webhook's fields and server messages. */
export interface Vocabulary {
  role: (role: string) => string;
  action: (action: string) => string;
  webhookFields: (fields: string[]) => string;
  /** A server message (catalog key and parameters), such as why an action failed. */
  message: (message: Message) => string;
}

/** IDs this app hands out (cuids); a target that is not one (e.g. the source of a refused sync) is not linked. */
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const userHref = (id: string) => `/admin/users#user-${encodeURIComponent(id)}`;
export const WEBHOOKS_HREF = "/admin/webhooks";

const text = z.string();
const count = z.number().int();
/** Why an action failed: a message of the catalogs, or (events recorded before messages were data) English text. */
const failure = z.object({ reason: z.union([text, z.custom<Message>(isMessage)]) });
const syncStart = z.object({
  source: text,
  target: text,
  tags: count.optional(),
  selector: z.union([z.object({ pattern: text }), z.object({ all: z.literal(true) })]).nullish(),
});
const userChange = z.object({ email: text });
const roleChange = z.object({ email: text, from: text, to: text });
const sessions = z.object({ email: text, sessions: count });
const tokenCreate = z.object({ name: text, prefix: text, role: text, expiresAt: z.iso.datetime({ offset: true }) });
const tokenRevoke = z.object({ name: text, prefix: text, ownerId: text.optional() });
const tokenDenied = z.object({ reason: text, prefix: text, role: text.optional(), needed: text.optional() });
const webhookView = z.object({ name: text, url: text }).loose();
const webhookUpdate = z.object({ before: webhookView, after: webhookView, signingChanged: z.boolean().optional() });
const accessDenied = z.object({ method: text, route: text, role: text, needed: text });
const signInFailure = z.object({ reason: text, retryAfterSeconds: count.optional() });
const lockout = z.object({
  scope: text,
  address: text.nullish(),
  failures: count,
  retryAfterSeconds: count,
});

const WEBHOOK_FIELDS = ["name", "url", "format", "events", "enabled"] as const;
/** The names `vocabulary.webhookFields` is given: the fields compared, and the signing secret. */
export const WEBHOOK_FIELD_NAMES = [...WEBHOOK_FIELDS, "secret"] as const;

function parse<S extends z.ZodType>(schema: S, detail: unknown): z.output<S> | null {
  const parsed = schema.safeParse(detail);
  return parsed.success ? parsed.data : null;
}

/** The sentence for one event; `vocabulary` translates what the sentence quotes. */
export function describeAuditEvent(event: AuditEventDto, vocabulary: Vocabulary): AuditSentence {
  const { action, detail, outcome } = event;
  const id = event.target !== null && ID_RE.test(event.target) ? event.target : null;
  const jobLinks = id ? { job: jobHref(id) } : {};
  const userLinks = id ? { user: userHref(id) } : {};
  const failed = outcome === "failure";
  const sentence = (key: SentenceKey, values: Record<string, SentenceValue> = {}, links: AuditSentence["links"] = {}) => ({
    key,
    values,
    links,
  });
  const failureReason = (): string | undefined => {
    const reason = parse(failure, detail)?.reason;
    return typeof reason === "object" ? vocabulary.message(reason) : reason;
  };

  switch (action) {
    case "sign_in": {
      if (!failed) return sentence("sign_in");
      const d = parse(signInFailure, detail);
      if (d) return sentence("sign_in_failed", { reason: d.reason, seconds: d.retryAfterSeconds ?? 0 });
      break;
    }
    case "sign_in_lockout": {
      const d = parse(lockout, detail);
      if (d)
        return sentence("sign_in_lockout", {
          scope: d.scope,
          address: d.address ?? "—",
          failures: d.failures,
          seconds: d.retryAfterSeconds,
        });
      break;
    }
    case "sync_start": {
      const d = parse(syncStart, detail);
      if (!d) break;
      if (failed) return sentence("sync_start_failed", { source: d.source, target: d.target, reason: failureReason() ?? "—" });
      const selection = d.selector ? ("pattern" in d.selector ? "pattern" : "all") : "list";
      const pattern = d.selector && "pattern" in d.selector ? d.selector.pattern : "";
      return sentence("sync_start", { tagCount: d.tags ?? 0, selection, pattern, source: d.source, target: d.target }, jobLinks);
    }
    case "sync_retry":
    case "sync_overwrite_kept":
    case "sync_cancel": {
      if (failed) return sentence(`${action}_failed`, { reason: failureReason() ?? "—" }, jobLinks);
      const d = parse(z.object({ tags: count, attempt: count.optional() }), detail);
      if (d) return sentence(action, { tagCount: d.tags, attempt: d.attempt ?? 1 }, jobLinks);
      break;
    }
    case "role_change": {
      const d = parse(roleChange, detail);
      if (d) return sentence("role_change", { email: d.email, from: vocabulary.role(d.from), to: vocabulary.role(d.to) }, userLinks);
      break;
    }
    case "user_disable":
    case "user_enable": {
      const d = parse(userChange, detail);
      if (d) return sentence(action, { email: d.email }, userLinks);
      break;
    }
    case "sessions_revoke": {
      const d = parse(sessions, detail);
      if (d) return sentence("sessions_revoke", { email: d.email, sessions: d.sessions }, userLinks);
      break;
    }
    case "token_create": {
      const d = parse(tokenCreate, detail);
      if (d) return sentence("token_create", { name: d.name, prefix: d.prefix, role: vocabulary.role(d.role), expires: new Date(d.expiresAt) });
      break;
    }
    case "token_revoke": {
      const d = parse(tokenRevoke, detail);
      if (d?.ownerId && ID_RE.test(d.ownerId))
        return sentence("token_revoke_other", { name: d.name, prefix: d.prefix }, { user: userHref(d.ownerId) });
      if (d) return sentence("token_revoke", { name: d.name, prefix: d.prefix });
      break;
    }
    case "token_use_denied": {
      const d = parse(tokenDenied, detail);
      if (d)
        return sentence("token_use_denied", {
          reason: d.reason,
          prefix: d.prefix,
          role: vocabulary.role(d.role ?? ""),
          needed: vocabulary.role(d.needed ?? ""),
        });
      break;
    }
    case "webhook_create":
    case "webhook_delete": {
      const d = parse(webhookView, detail);
      if (d) return sentence(action, { name: d.name, url: d.url }, action === "webhook_create" ? { webhook: WEBHOOKS_HREF } : {});
      break;
    }
    case "webhook_update": {
      const d = parse(webhookUpdate, detail);
      if (!d) break;
      const changed: string[] = WEBHOOK_FIELDS.filter((f) => JSON.stringify(d.before[f]) !== JSON.stringify(d.after[f]));
      if (d.signingChanged) changed.push("secret");
      if (changed.length === 0) break;
      return sentence("webhook_update", { name: d.after.name, fields: vocabulary.webhookFields(changed) }, { webhook: WEBHOOKS_HREF });
    }
    case "sync_rule_create":
    case "sync_rule_delete": {
      // The target names the rule: `cn-north-4 team-a/nginx → ap-southeast-1 team-a`.
      const rule = event.target ?? "—";
      if (failed) return sentence(`${action}_failed`, { rule, reason: failureReason() ?? "—" });
      const d = parse(z.object({ override: z.boolean().optional(), backfill: z.boolean().optional(), alreadyDeleted: z.boolean().optional() }), detail);
      if (!d) break;
      return action === "sync_rule_create"
        ? sentence(action, { rule, override: String(d.override === true), backfill: String(d.backfill === true) })
        : sentence(action, { rule, already: String(d.alreadyDeleted === true) });
    }
    case "access_denied": {
      const d = parse(accessDenied, detail);
      if (d) return sentence("access_denied", { method: d.method, route: d.route, role: vocabulary.role(d.role), needed: vocabulary.role(d.needed) });
      break;
    }
  }
  const reason = failed ? failureReason() : undefined;
  return reason !== undefined
    ? sentence("failed", { action: vocabulary.action(action), reason })
    : sentence("other", { action: vocabulary.action(action) });
}
