"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useErrorText } from "@/components/ui/use-message";
import type { RuleDto } from "@/lib/rules/dto";
import { useDeleteRule } from "./use-rules";

/** "Delete" for one rule and its confirmation: SWR stops copying new pushes; tags already copied stay. */
export function DeleteRule({ rule }: { rule: RuleDto }) {
  const t = useTranslations("rules");
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const remove = useDeleteRule();
  const errorText = useErrorText();
  const names = {
    source: `${rule.namespace}/${rule.repository}`,
    region: rule.region,
    targetNamespace: rule.targetNamespace,
    targetRegion: rule.targetRegion,
  };
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Button variant="danger" aria-label={t("deleteOf", names)} onClick={() => setOpen(true)}>
        {t("delete")}
      </Button>
      <Dialog open={open} onClose={close} title={t("deleteTitle")}>
        <p className="text-sm">{t("deleteBody", names)}</p>
        <ConfirmActions
          error={remove.isError ? t("deleteError", { message: errorText(remove.error) }) : null}
          keepLabel={t("deleteKeep")}
          onKeep={close}
          confirmLabel={remove.isPending ? t("deletePending") : t("deleteConfirm")}
          disabled={remove.isPending}
          onConfirm={() =>
            remove.mutate(
              {
                region: rule.region,
                namespace: rule.namespace,
                repository: rule.repository,
                targetRegion: rule.targetRegion,
                targetNamespace: rule.targetNamespace,
              },
              {
                onSuccess: ({ alreadyDeleted }) => {
                  setOpen(false);
                  toast(alreadyDeleted ? t("alreadyDeleted", names) : t("deleted", names), "success");
                },
              },
            )
          }
        />
      </Dialog>
    </>
  );
}
