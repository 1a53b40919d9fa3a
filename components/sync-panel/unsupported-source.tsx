"use client";

import { useTranslations } from "next-intl";
import { SWR_SYNC_REGION_IDS } from "@/lib/swr/regions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** What the sync panel shows instead of its form when SWR does not sync images from the source region. */
export function UnsupportedSource({ region, onClose }: { region: string; onClose: () => void }) {
  const t = useTranslations("syncPanel");
  return (
    <div className="space-y-4">
      <Alert tone="info">
        <p className="font-medium">{t("unsupportedSource", { region })}</p>
        <p className="mt-1">{t("unsupportedSourceHelp", { regions: SWR_SYNC_REGION_IDS.join(", ") })}</p>
      </Alert>
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          {t("close")}
        </Button>
      </div>
    </div>
  );
}
