import { route } from "@/lib/api/handler";
import type { WebhookAnswer } from "@/lib/webhooks/dto";
import { updateWebhookSchema, webhookIdParamsSchema } from "@/lib/webhooks/schemas";
import { deleteWebhook, requireWebhook, toWebhookDto, updateWebhook } from "@/lib/webhooks/store";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/webhooks/{id} — one webhook, without its secret
export const GET = route({ role: "admin", params: webhookIdParamsSchema }, async ({ params }) =>
  jsonAnswer({ webhook: toWebhookDto(await requireWebhook(params.id)) } satisfies WebhookAnswer),
);

// PATCH /api/webhooks/{id} — change name, URL, format, events, secret (null removes it) or enabled
export const PATCH = route({ role: "admin", params: webhookIdParamsSchema, body: updateWebhookSchema }, async ({ user, params, body }) =>
  jsonAnswer({ webhook: await updateWebhook({ id: user.id, email: user.email }, params.id, body) } satisfies WebhookAnswer),
);

// DELETE /api/webhooks/{id} — remove a webhook and its delivery log
export const DELETE = route({ role: "admin", params: webhookIdParamsSchema }, async ({ user, params }) => {
  await deleteWebhook({ id: user.id, email: user.email }, params.id);
  return new Response(null, { status: 204 });
});
