import { createHmac } from "node:crypto";
import { english } from "@/i18n/english";
import { describe, expect, it } from "vitest";
import { JOB_STATUSES, isLiveJobStatus } from "@/lib/jobs/states";
import { eventPayloadSchema, type EventPayload, type JobEventPayload } from "./dto";
import { eventsForOutcome, WEBHOOK_FORMATS } from "./events";
import { acceptedBy, renderDelivery } from "./formats";

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
const now = new Date("2026-12-06T10:00:01.000Z");

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
    const text = textOf(renderDelivery("wecom", multi, target, null, now).body);
    expect(text).toContain("Repositories: team-a/nginx and 29 more (cn-north-4)");
    expect(text).toContain("Targets: team-a (ap-southeast-1), team-a (cn-east-3)");
  });

  it("generic: the event payload itself, which parses with the published schema", () => {
    const { url, body } = renderDelivery("generic", job, target, "s".repeat(16), now);
    expect(url).toBe(target);
    expect(eventPayloadSchema.parse(JSON.parse(body))).toStrictEqual(job);
  });

  it("WeCom: msgtype markdown with the status, repository, target, counts and link", () => {
    const body = JSON.parse(renderDelivery("wecom", job, target, null, now).body) as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.content.split("\n")).toEqual([
      "**Sync job finished with failures**",
      "Status: partially failed",
      "Repository: team-a/nginx (cn-north-4)",
      "Target: team-b (ap-southeast-1)",
      "Tags: 5 tags, 3 succeeded, 2 failed",
      "[Open the job](https://sync.example.com/jobs/job1)",
    ]);
  });

  it("DingTalk: markdown with a title; with a secret the robot's own signature is in the query", () => {
    const { url, body } = renderDelivery("dingtalk", job, target, "SECret-of-the-robot", now);
    const parsed = JSON.parse(body) as { msgtype: string; markdown: { title: string; text: string } };
    expect(parsed.msgtype).toBe("markdown");
    expect(parsed.markdown.title).toBe("Sync job finished with failures");
    expect(parsed.markdown.text).toContain("Repository: team-a/nginx (cn-north-4)");
    const u = new URL(url);
    expect(u.searchParams.get("access_token")).toBe("t");
    expect(u.searchParams.get("timestamp")).toBe(String(now.getTime()));
    const sign = createHmac("sha256", "SECret-of-the-robot").update(`${now.getTime()}\nSECret-of-the-robot`).digest("base64");
    expect(u.searchParams.get("sign")).toBe(sign);
    expect(renderDelivery("dingtalk", job, target, null, now).url).toBe(target);
  });

  it("Feishu/Lark: an interactive card; with a secret, timestamp and sign in the body", () => {
    const body = JSON.parse(renderDelivery("feishu", job, target, "feishu-secret-123", now).body) as {
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
    const body = JSON.parse(renderDelivery("slack", job, target, null, now).body) as { text: string; blocks: { type: string; text: { type: string; text: string } }[] };
    expect(body.text).toBe("Sync job finished with failures");
    expect(body.blocks[0]!.text.type).toBe("mrkdwn");
    expect(body.blocks[0]!.text.text).toContain("<https://sync.example.com/jobs/job1|Open the job>");
  });

  it.each(WEBHOOK_FORMATS)("%s: a test message says so and names the webhook; a job without a link has none", (format) => {
    expect(textOf(renderDelivery(format, test, target, null, now).body)).toContain(format === "generic" ? '"event":"test"' : "Test message from SWR Sync");
    const noLink = renderDelivery(format, { ...job, job: { ...job.job, url: null } }, target, null, now).body;
    expect(noLink).not.toContain("Open the job");
    expect(textOf(noLink)).toContain("team-a");
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
