import { z } from "zod";
import type { MessageParam } from "./message";

// The wire form of a message (catalog key and parameters, parameters possibly messages themselves).

type MessageShape = { key: string; params?: Record<string, MessageParam> };

export const messageParamsSchema: z.ZodType<Record<string, MessageParam>> = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.lazy(() => messageSchema)]),
);

export const messageSchema: z.ZodType<MessageShape> = z.object({ key: z.string(), params: messageParamsSchema.optional() });
