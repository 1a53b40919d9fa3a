import { route } from "@/lib/api/handler";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import type { DeliveriesAnswer } from "@/lib/webhooks/dto";
import { deliveriesQuerySchema, webhookIdParamsSchema } from "@/lib/webhooks/schemas";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/webhooks/{id}/deliveries — the delivery log, newest first, with every attempt's status and latency
export const GET = route({ role: "admin", params: webhookIdParamsSchema, query: deliveriesQuerySchema }, async ({ params, query }) =>
  jsonAnswer({ deliveries: await listDeliveries(params.id, query.limit) } satisfies DeliveriesAnswer),
);
