import { createHmac } from "node:crypto";
import { english } from "@/i18n/english";
import { describe, expect, it } from "vitest";
import { JOB_STATUSES, isLiveJobStatus } from "@/lib/jobs/states";
import { eventPayloadSchema, type EventPayload, type JobEventPayload } from "./dto";
import { eventsForOutcome, WEBHOOK_FORMATS, type WebhookFormat } from "./events";
import { acceptedBy, type Receiver, renderDelivery } from "./formats";

const job: JobEventPayload = {
  event: "job.failed",
  occurredAt: "2026-12-06T10:00:00.000Z",
  job: {
    id: "job1",
    url: "https://sync.example.com/jobs/job1",
    status: "partially_failed",
    attempt: 2,
    source: { region: "cn-north-4", namespace: "team-a", repository: "nginx" },
    target: { region: "ap-southeast-1", namespace: "team-b" },
    counts: { total: 5, succeeded: 3, failed: 2, cancelled: 0, kept: 0 },
    startedBy: "op@example.com",
    createdAt: "2026-12-06T09:58:00.000Z",
    finishedAt: "2026-12-06T10:00:00.000Z",
  },
};
const test: EventPayload = { event: "test", occurredAt: "2026-12-06T10:00:00.000Z", webhook: { id: "w1", name: "Team chat" }, message: "Test." };
const target = "https://robot.example.com/send?access_token=t";
const en = (format: WebhookFormat): Receiver => ({ format, language: "en" });
const zh = (format: WebhookFormat): Receiver => ({ format, language: "zh-CN" });
const now = new Date("2026-12-06T10:00:01.000Z");

/** The words a chat shows: every string of the body but the format's own field values. */
function wordsOf(node: unknown, key = ""): string {
  if (typeof node === "string") return ["msgtype", "msg_type", "tag", "template", "type"].includes(key) ? "" : node;
  if (node && typeof node === "object") return Object.entries(node).map(([k, v]) => wordsOf(v, k)).join("\n");
  return "";
}

/** Every text a card shows, joined: the facts must be in it whatever the format. */
function textOf(body: string): string {
  return JSON.stringify(JSON.parse(body));
}

describe("renderDelivery", () => {
  it("names every target of a job over several repositories and targets", () => {
    const multi: JobEventPayload = {
      ...job,
      job: { ...job.job, repositoryCount: 30, targets: [{ region: "ap-southeast-1", namespace: "team-a" }, { region: "cn-east-3", namespace: "team-a" }] },
    };
    const text = textOf(renderDelivery(en("wecom"), multi, target, null, now).body);
    expect(text).toContain("Repositories: team-a/nginx and 29 more (cn-north-4)");
    expect(text).toContain("Targets: team-a (ap-southeast-1), team-a (cn-east-3)");
  });

  it("generic: the event payload itself, which parses with the published schema", () => {
    const { url, body } = renderDelivery(en("generic"), job, target, "s".repeat(16), now);
    expect(url).toBe(target);
    expect(eventPayloadSchema.parse(JSON.parse(body))).toStrictEqual(job);
  });

  it("WeCom: msgtype markdown with the status, repository, target, counts and link", () => {
    const body = JSON.parse(renderDelivery(en("wecom"), job, target, null, now).body) as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.content.split("\n")).toEqual([
      "**Sync job finished with failures**",
      "Status: Partially failed",
      "Repository: team-a/nginx (cn-north-4)",
      "Target: team-b (ap-southeast-1)",
      "Tags: 5 tags, 3 succeeded, 2 failed",
      "[Open the job](https://sync.example.com/jobs/job1)",
    ]);
  });

  it("DingTalk: markdown with a title; with a secret the robot's own signature is in the query", () => {
    const { url, body } = renderDelivery(en("dingtalk"), job, target, "SECret-of-the-robot", now);
    const parsed = JSON.parse(body) as { msgtype: string; markdown: { title: string; text: string } };
    expect(parsed.msgtype).toBe("markdown");
    expect(parsed.markdown.title).toBe("Sync job finished with failures");
    expect(parsed.markdown.text).toContain("Repository: team-a/nginx (cn-north-4)");
    const u = new URL(url);
    expect(u.searchParams.get("access_token")).toBe("t");
    expect(u.searchParams.get("timestamp")).toBe(String(now.getTime()));
    const sign = createHmac("sha256", "SECret-of-the-robot").update(`${now.getTime()}\nSECret-of-the-robot`).digest("base64");
    expect(u.searchParams.get("sign")).toBe(sign);
    expect(renderDelivery(en("dingtalk"), job, target, null, now).url).toBe(target);
  });

  it("Feishu/Lark: an interactive card; with a secret, timestamp and sign in the body", () => {
    const body = JSON.parse(renderDelivery(en("feishu"), job, target, "feishu-secret-123", now).body) as {
      msg_type: string;
      timestamp: string;
      sign: string;
      card: { header: { title: { content: string }; template: string }; elements: { text: { content: string } }[] };
    };
    expect(body.msg_type).toBe("interactive");
    expect(body.card.header.title.content).toBe("Sync job finished with failures");
    expect(body.card.header.template).toBe("red");
    expect(body.card.elements[0]!.text.content).toContain("Tags: 5 tags, 3 succeeded, 2 failed");
    expect(body.timestamp).toBe("1796551201");
    expect(body.sign).toBe(createHmac("sha256", `1796551201\nfeishu-secret-123`).update("").digest("base64"));
  });

  it("Slack: fallback text and one mrkdwn section with a Slack link", () => {
    const body = JSON.parse(renderDelivery(en("slack"), job, target, null, now).body) as { text: string; blocks: { type: string; text: { type: string; text: string } }[] };
    expect(body.text).toBe("Sync job finished with failures");
    expect(body.blocks[0]!.text.type).toBe("mrkdwn");
    expect(body.blocks[0]!.text.text).toContain("<https://sync.example.com/jobs/job1|Open the job>");
  });

  it.each(WEBHOOK_FORMATS)("%s: a test message says so and names the webhook; a job without a link has none", (format) => {
    expect(textOf(renderDelivery(en(format), test, target, null, now).body)).toContain(format === "generic" ? '"event":"test"' : "Test message from SWR Sync");
    const noLink = renderDelivery(en(format), { ...job, job: { ...job.job, url: null } }, target, null, now).body;
    expect(noLink).not.toContain("Open the job");
    expect(textOf(noLink)).toContain("team-a");
  });

  it("writes a zh-CN webhook's card in Chinese, from the same catalogs, numbers by locale", () => {
    const big: JobEventPayload = { ...job, job: { ...job.job, counts: { total: 12_345, succeeded: 12_000, failed: 300, cancelled: 0, kept: 45 } } };
    const body = JSON.parse(renderDelivery(zh("wecom"), big, target, null, now).body) as { markdown: { content: string } };
    expect(body.markdown.content.split("\n")).toEqual([
      "**同步任务结束但有失败**",
      "状态：部分失败",
      "仓库：team-a/nginx（cn-north-4）",
      "目标：team-b（ap-southeast-1）",
      "标签：共 12,345 个标签，12,000 个成功，300 个失败，45 个保留",
      "[打开任务](https://sync.example.com/jobs/job1)",
    ]);
    const slack = textOf(renderDelivery(zh("slack"), test, target, null, now).body);
    expect(slack).toContain("来自 SWR Sync 的测试消息");
    expect(slack).toContain("Webhook：Team chat");
    expect(slack).not.toMatch(/Test message|Status|Open the job/);
  });

  it.each(WEBHOOK_FORMATS.filter((f) => f !== "generic"))("%s: no English word of a card reaches a zh-CN webhook", (format) => {
    const multi: JobEventPayload = {
      ...job,
      job: { ...job.job, repositoryCount: 3, targets: [job.job.target, { region: "cn-east-3", namespace: "team-a" }], counts: { ...job.job.counts, cancelled: 1, kept: 1 } },
    };
    for (const payload of [multi, test, { ...job, event: "job.kept" as const }, { ...job, event: "job.cancelled" as const }, { ...job, event: "job.succeeded" as const }]) {
      const words = wordsOf(JSON.parse(renderDelivery(zh(format), payload, target, null, now).body)).replace(/https?:\/\/[^\s)|>]+/g, "");
      expect(words.match(/\b(?!SWR\b|Sync\b|Webhook\b|Team\b|chat\b|team\b|nginx\b|cn\b|north\b|east\b|ap\b|southeast\b|a\b|b\b)[A-Za-z]{2,}\b/g)).toBeNull();
    }
  });
});

describe("acceptedBy", () => {
  it.each([
    ["generic", 200, "", true],
    ["generic", 204, "", true],
    ["generic", 500, "boom", false],
    ["slack", 200, "ok", true],
    ["slack", 404, "no_service", false],
    ["wecom", 200, '{"errcode":0,"errmsg":"ok"}', true],
    ["wecom", 200, '{"errcode":93000,"errmsg":"invalid webhook url"}', false],
    ["dingtalk", 200, '{"errcode":310000,"errmsg":"sign not match"}', false],
    ["dingtalk", 200, "not json", false],
    ["feishu", 200, '{"code":0,"msg":"success"}', true],
    ["feishu", 200, '{"code":19021,"msg":"sign match fail"}', false],
  ] as const)("%s answering %i %s: %s", (format, status, body, ok) => {
    expect(acceptedBy(format, status, body).ok).toBe(ok);
  });

  it("says what the robot refused", () => {
    const refusal = acceptedBy("wecom", 200, '{"errcode":93000,"errmsg":"invalid webhook url"}').error!;
    expect(refusal).toEqual({ key: "errors.webhooks.delivery.robotRefusedSaying", params: { code: "93000", detail: "invalid webhook url" } });
    expect(english(refusal)).toBe("The robot refused the message (code 93000: invalid webhook url).");
    expect(acceptedBy("generic", 503, "")).toEqual({ ok: false, error: { key: "errors.webhooks.delivery.http", params: { status: 503 } } });
  });
});

describe("eventsForOutcome", () => {
  it.each([
    ["succeeded", 0, ["job.succeeded"]],
    ["partially_failed", 0, ["job.failed"]],
    ["failed", 0, ["job.failed"]],
    ["cancelled", 0, ["job.cancelled"]],
    ["succeeded", 2, ["job.succeeded", "job.kept"]],
    ["running", 2, []],
  ])("%s with %i kept: %j", (status, kept, events) => {
    expect(eventsForOutcome({ status, failed: 0, kept })).toEqual(events);
  });

  it("every final job status fires an event, and no live one does", () => {
    for (const status of JOB_STATUSES) {
      expect(eventsForOutcome({ status, failed: 0, kept: 0 }).length > 0, status).toBe(!isLiveJobStatus(status));
    }
  });
});
