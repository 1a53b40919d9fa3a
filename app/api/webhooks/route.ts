import { route } from "@/lib/api/handler";
import type { WebhookAnswer, WebhooksAnswer } from "@/lib/webhooks/dto";
import { createWebhookSchema } from "@/lib/webhooks/schemas";
import { createWebhook, listWebhooks } from "@/lib/webhooks/store";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/webhooks — every webhook, without secrets
export const GET = route({ role: "admin" }, async () => jsonAnswer({ webhooks: await listWebhooks() } satisfies WebhooksAnswer));

// POST /api/webhooks — add a webhook; its secret is stored encrypted and never shown again
export const POST = route({ role: "admin", body: createWebhookSchema }, async ({ user, body }) =>
  jsonAnswer({ webhook: await createWebhook({ id: user.id, email: user.email }, body) } satisfies WebhookAnswer, { status: 201 }),
);
