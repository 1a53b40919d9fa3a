import { route } from "@/lib/api/handler";
import { sendTestDelivery } from "@/lib/webhooks/deliveries";
import type { DeliveryAnswer } from "@/lib/webhooks/dto";
import { webhookIdParamsSchema } from "@/lib/webhooks/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// POST /api/webhooks/{id}/test — queue a test event; it appears in the delivery log as it is sent
export const POST = route({ role: "admin", params: webhookIdParamsSchema }, async ({ params }) =>
  jsonAnswer({ delivery: await sendTestDelivery(params.id) } satisfies DeliveryAnswer, { status: 202 }),
);
