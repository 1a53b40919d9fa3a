"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { QueryError } from "@/components/jobs/query-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { useToast } from "@/components/ui/toast";
import { useErrorText } from "@/components/ui/use-message";
import type { WebhookDto } from "@/lib/webhooks/dto";
import { DeliveryLog } from "./delivery-log";
import { useDeleteWebhook, useSendTest, useWebhooks } from "./use-webhooks";
import { WebhookForm } from "./webhook-form";

function DeleteWebhook({ webhook }: { webhook: WebhookDto }) {
  const t = useTranslations("webhooks");
  const toast = useToast();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const remove = useDeleteWebhook();
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Button
        variant="danger"
        aria-label={t("deleteOf", { name: webhook.name })}
        onClick={() => setOpen(true)}
      >
        {t("delete")}
      </Button>
      <Dialog open={open} onClose={close} title={t("deleteTitle", { name: webhook.name })}>
        <p className="text-sm">{t("deleteBody")}</p>
        <ConfirmActions
          error={remove.isError ? errorText(remove.error) : null}
          keepLabel={t("deleteKeep")}
          onKeep={close}
          confirmLabel={t("deleteConfirm")}
          disabled={remove.isPending}
          onConfirm={() =>
            remove.mutate(webhook.id, {
              onSuccess: () => toast(t("deleted", { name: webhook.name }), "success"),
            })
          }
        />
      </Dialog>
    </>
  );
}

function WebhookCard({ webhook }: { webhook: WebhookDto }) {
  const t = useTranslations("webhooks");
  const toast = useToast();
  const errorText = useErrorText();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const test = useSendTest();
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {webhook.name}
        </h2>
        {webhook.enabled ? <Badge tone="success">{t("on")}</Badge> : <Badge>{t("off")}</Badge>}
        <Badge tone="info">{t(`formats.${webhook.format}`)}</Badge>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t("url")}</dt>
        <dd className="break-all">{webhook.url}</dd>
        <dt className="font-medium">{t("language")}</dt>
        <dd>{t(`languages.${webhook.language}`)}</dd>
        <dt className="font-medium">{t("events")}</dt>
        <dd>{webhook.events.map((e) => t(`eventNames.${e}`)).join(", ")}</dd>
        <dt className="font-medium">{t("secret")}</dt>
        <dd>{webhook.secretSet ? t("secretSet") : t("secretNone")}</dd>
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          aria-label={t("editOf", { name: webhook.name })}
          onClick={() => setEditing(true)}
        >
          {t("edit")}
        </Button>
        <Button
          variant="secondary"
          aria-label={t("sendTestOf", { name: webhook.name })}
          disabled={test.isPending}
          onClick={() =>
            test.mutate(webhook.id, {
              onSuccess: () => {
                toast(t("testQueued", { name: webhook.name }), "success");
                setShowLog(true);
              },
              onError: (error) => toast(errorText(error), "error"),
            })
          }
        >
          {t("sendTest")}
        </Button>
        <Button
          variant="secondary"
          aria-expanded={showLog}
          aria-label={t("deliveriesOf", { name: webhook.name })}
          onClick={() => setShowLog((v) => !v)}
        >
          {showLog ? t("hideDeliveries") : t("showDeliveries")}
        </Button>
        <DeleteWebhook webhook={webhook} />
      </div>
      {showLog ? <DeliveryLog webhook={webhook} /> : null}
      {editing ? <WebhookForm webhook={webhook} open onClose={() => setEditing(false)} /> : null}
    </section>
  );
}

/** Every webhook with its actions and delivery log, and "Add webhook". */
export function WebhookList() {
  const t = useTranslations("webhooks");
  const webhooks = useWebhooks();
  const [adding, setAdding] = useState(false);
  return (
    <div className="space-y-4">
      <Button onClick={() => setAdding(true)}>{t("add")}</Button>
      {adding ? <WebhookForm open onClose={() => setAdding(false)} /> : null}
      {webhooks.isPending ? <TableSkeleton label={t("loading")} /> : null}
      {webhooks.isError ? <QueryError title={t("loadFailed")} query={webhooks} /> : null}
      {webhooks.data?.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("empty")}</p>
      ) : null}
      {webhooks.data?.map((w) => (
        <WebhookCard key={w.id} webhook={w} />
      ))}
    </div>
  );
}
