"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { WebhookDto } from "@/lib/webhooks/dto";
import { createWebhook, deleteWebhook, fetchDeliveries, fetchWebhooks, sendTestDelivery, updateWebhook, type WebhookInput } from "./api";

export const webhookKeys = {
  all: ["webhooks"] as const,
  deliveries: (id: string) => ["webhooks", id, "deliveries"] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: webhookKeys.all, queryFn: ({ signal }) => fetchWebhooks(signal) });
}

/** The delivery log; polls while a delivery is still on its way, so a test shows its outcome by itself. */
export function useDeliveries(id: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ signal }) => fetchDeliveries(id, signal),
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === "queued" || d.status === "delivering") ? 1_000 : false),
  });
}

/** Create (no id) or change one webhook; the answer goes into the cached list. */
export function useSaveWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: WebhookInput }) => (id ? updateWebhook(id, input) : createWebhook(input)),
    onSuccess: (saved) =>
      client.setQueryData<WebhookDto[]>(webhookKeys.all, (list) =>
        list?.some((w) => w.id === saved.id) ? list.map((w) => (w.id === saved.id ? saved : w)) : [...(list ?? []), saved],
      ),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteWebhook(id),
    onSuccess: (_, id) => client.setQueryData<WebhookDto[]>(webhookKeys.all, (list) => list?.filter((w) => w.id !== id)),
  });
}

export function useSendTest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendTestDelivery(id),
    onSuccess: (_, id) => client.invalidateQueries({ queryKey: webhookKeys.deliveries(id) }),
  });
}
