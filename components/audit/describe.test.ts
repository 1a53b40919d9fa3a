import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/i18n/config";
import { renderMessage, type Translate } from "@/i18n/message";
import type { AuditEventDto } from "@/lib/db/audit-dto";
import { loadMessages } from "@/messages";
import { describeAuditEvent, type Vocabulary } from "./describe";

// Audit events read as sentences in each language, with their job or user linked: rendered with the real catalogs.

type Messages = Record<string, Record<string, unknown>>;

async function render(locale: Locale, event: Partial<AuditEventDto>): Promise<string> {
  const messages = (await loadMessages(locale)) as Messages;
  const t = createTranslator({ locale, messages, namespace: "audit", timeZone: "UTC" });
  const roles = messages.roles as Record<string, string>;
  const actions = (messages.audit?.actions ?? {}) as Record<string, string>;
  const fields = (messages.audit?.webhookFields ?? {}) as Record<string, string>;
  const format = createFormatter({ locale, timeZone: "UTC" });
  const all = createTranslator({ locale, messages, timeZone: "UTC" }) as unknown as Translate;
  const vocabulary: Vocabulary = {
    role: (r) => roles[r] ?? r,
    action: (a) => actions[a] ?? a,
    webhookFields: (names) => format.list(names.map((n) => fields[n] ?? n)),
    message: (m) => renderMessage(all, m),
  };
  const full: AuditEventDto = { id: "e1", at: "2024-05-01T00:00:00.000Z", actorId: "admin1", actorEmail: "admin@example.com", action: "sign_in", target: null, outcome: "success", detail: null, ...event };
  const { key, values, links } = describeAuditEvent(full, vocabulary);
  const link = (kind: "job" | "user" | "webhook") => (chunks: string) => (links[kind] ? `[${chunks}](${links[kind]})` : chunks);
  return t.markup(`sentences.${key}` as never, { ...values, job: link("job"), user: link("user"), webhook: link("webhook") } as never);
}

const SYNC = { source: "cn-north-4 team-a/nginx", target: "ap-southeast-1 team-a", override: false };
const WEBHOOK = { name: "ops", url: "https://hooks.example.com/a", format: "generic", events: ["job.failed"], enabled: true, signed: false };

describe("audit events as sentences", () => {
  it.each<[string, Partial<AuditEventDto>, string, string]>([
    [
      "an enabled user (the detail holds before and after, not a verdict)",
      { action: "user_enable", target: "ck1", detail: { email: "a@b.c", from: true, to: false } },
      "enabled the account of [a@b.c](/admin/users#user-ck1)",
      "启用了 [a@b.c](/admin/users#user-ck1) 的账号",
    ],
    [
      "a disabled user",
      { action: "user_disable", target: "ck1", detail: { email: "a@b.c", from: false, to: true } },
      "disabled the account of [a@b.c](/admin/users#user-ck1)",
      "停用了 [a@b.c](/admin/users#user-ck1) 的账号",
    ],
    [
      "a role change",
      { action: "role_change", target: "ck2", detail: { email: "x@example.com", from: "viewer", to: "operator" } },
      "changed the role of [x@example.com](/admin/users#user-ck2) from viewer to operator",
      "将 [x@example.com](/admin/users#user-ck2) 的角色从只读用户改为操作员",
    ],
    [
      "a sync of a list of tags",
      { action: "sync_start", target: "cjob1", detail: { ...SYNC, tags: 3 } },
      "started [a sync of 3 tags from cn-north-4 team-a/nginx to ap-southeast-1 team-a](/jobs/cjob1)",
      "发起了[从 cn-north-4 team-a/nginx 到 ap-southeast-1 team-a 的同步，共 3 个标签](/jobs/cjob1)",
    ],
    [
      "a sync by pattern",
      { action: "sync_start", target: "cjob2", detail: { ...SYNC, tags: 1200, selector: { pattern: "v1.*" } } },
      "started [a sync of 1,200 tags matching “v1.*” from cn-north-4 team-a/nginx to ap-southeast-1 team-a](/jobs/cjob2)",
      "发起了[从 cn-north-4 team-a/nginx 到 ap-southeast-1 team-a 的同步，共 1,200 个标签（匹配“v1.*”）](/jobs/cjob2)",
    ],
    [
      "a refused sync, whose target is no job",
      { action: "sync_start", outcome: "failure", target: "cn-north-4 team-a/nginx", detail: { ...SYNC, tags: 1, code: "not_found", reason: "No such tag." } },
      "could not start a sync from cn-north-4 team-a/nginx to ap-southeast-1 team-a: No such tag.",
      "未能发起从 cn-north-4 team-a/nginx 到 ap-southeast-1 team-a 的同步：No such tag.",
    ],
    [
      "a refusal recorded as a message, in the reader's language",
      { action: "role_change", outcome: "failure", target: "ck1", detail: { code: "conflict", reason: { key: "errors.users.demoteSelf" } } },
      "Role change failed: You cannot demote yourself; ask another admin to change your role.",
      "角色变更失败：你不能降低自己的角色；请让另一位管理员来修改。",
    ],
    [
      "a retry",
      { action: "sync_retry", target: "cjob3", detail: { tags: 2, attempt: 2 } },
      "retried 2 tags of [a sync job](/jobs/cjob3) (attempt 2)",
      "重试了[一个同步任务](/jobs/cjob3)中的 2 个标签（第 2 次尝试）",
    ],
    [
      "kept tags overwritten",
      { action: "sync_overwrite_kept", target: "cjob5", detail: { tags: 2, attempt: 3 } },
      "overwrote 2 kept tags of [a sync job](/jobs/cjob5) (attempt 3)",
      "覆盖了[一个同步任务](/jobs/cjob5)中保留的 2 个标签（第 3 次尝试）",
    ],
    [
      "a cancel with every tag already sent",
      { action: "sync_cancel", target: "cjob4", detail: { tags: 0 } },
      "cancelled [a sync job](/jobs/cjob4); every tag was already with SWR",
      "取消了[一个同步任务](/jobs/cjob4)；所有标签都已交给 SWR",
    ],
    [
      "ended sessions",
      { action: "sessions_revoke", target: "ck5", detail: { email: "o@example.com", sessions: 2 } },
      "ended 2 sessions of [o@example.com](/admin/users#user-ck5)",
      "结束了 [o@example.com](/admin/users#user-ck5) 的 2 个会话",
    ],
    [
      "a new token",
      { action: "token_create", target: "tok1", detail: { name: "ci", prefix: "swrs_ab12", role: "operator", expiresAt: "2025-01-31T00:00:00.000Z" } },
      "created the API token “ci” (swrs_ab12…) acting as operator, valid until Jan 31, 2025",
      "创建了 API 令牌“ci”（swrs_ab12…），角色为操作员，有效期至 2025年1月31日",
    ],
    [
      "another user's token revoked",
      { action: "token_revoke", target: "tok2", detail: { name: "ci", prefix: "swrs_ab12", ownerId: "ck6" } },
      "revoked the API token “ci” (swrs_ab12…) of [another user](/admin/users#user-ck6)",
      "吊销了[另一位用户](/admin/users#user-ck6)的 API 令牌“ci”（swrs_ab12…）",
    ],
    [
      "a token refused for its role",
      { action: "token_use_denied", outcome: "failure", target: "tok3", detail: { reason: "role", prefix: "swrs_cd34", role: "viewer", needed: "operator" } },
      "API token swrs_cd34… was refused: it acts as viewer; this needs operator",
      "API 令牌 swrs_cd34… 被拒绝：它的角色为只读用户，此操作需要操作员",
    ],
    [
      "a changed webhook, naming what changed",
      { action: "webhook_update", target: "wh1", detail: { before: WEBHOOK, after: { ...WEBHOOK, url: "https://hooks.example.com/b", enabled: false }, signingChanged: true } },
      "changed URL, on/off switch, and signing secret of the webhook [ops](/admin/webhooks)",
      "修改了 Webhook [ops](/admin/webhooks) 的URL、启用状态和签名密钥",
    ],
    [
      "a new automatic sync rule",
      { action: "sync_rule_create", target: "cn-north-4 team-a/nginx → ap-southeast-1 team-a", detail: { override: true, backfill: true, id: "r1" } },
      "created the automatic sync rule cn-north-4 team-a/nginx → ap-southeast-1 team-a, replacing different images of a tag, and asked to sync the tags already there",
      "创建了自动同步规则 cn-north-4 team-a/nginx → ap-southeast-1 team-a，会覆盖同名标签的不同镜像，并要求同步已有的标签",
    ],
    [
      "a sync rule SWR no longer had",
      { action: "sync_rule_delete", target: "cn-north-4 team-a/nginx → ap-southeast-1 team-a", detail: { alreadyDeleted: true } },
      "deleted the automatic sync rule cn-north-4 team-a/nginx → ap-southeast-1 team-a (SWR no longer had it)",
      "删除了自动同步规则 cn-north-4 team-a/nginx → ap-southeast-1 team-a（SWR 中已没有该规则）",
    ],
    [
      "a refused request",
      { action: "access_denied", outcome: "failure", target: "/api/audit", detail: { method: "GET", route: "/api/audit", role: "viewer", needed: "admin" } },
      "was refused GET /api/audit: it needs admin; they are viewer",
      "被拒绝访问 GET /api/audit：需要管理员，其角色为只读用户",
    ],
    [
      "a wrong password",
      { action: "sign_in", outcome: "failure", detail: { reason: "wrong_password" } },
      "could not sign in: wrong password",
      "登录失败：密码错误",
    ],
    [
      "a detail in a shape it does not know",
      { action: "role_change", target: "ck1", detail: { something: "else" } },
      "Role change",
      "角色变更",
    ],
    ["an action it does not know", { action: "time_travel", detail: { year: 1985 } }, "time_travel", "time_travel"],
  ])("%s", async (_, event, en, zh) => {
    expect(await render("en", event)).toBe(en);
    expect(await render("zh-CN", event)).toBe(zh);
  });
});
