"use client";

import { useTranslations } from "next-intl";
import { SWR_SYNC_REGION_IDS, type SyncTargetOrigin } from "@/lib/swr/regions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// What the target-region pickers (sync panel, new rule) say about the regions SWR syncs between.

/** Where the offered target regions came from: SWR's own list, or SWR's documented sync regions. */
export function SyncTargetsOrigin({ source, origin }: { source: string; origin: SyncTargetOrigin }) {
  const t = useTranslations("browseCommon");
  return <>{t(origin === "swr" ? "syncTargetsFromSwr" : "syncTargetsDocumented", { region: source })}</>;
}

/** Shown instead of a target form when SWR does not sync images from the source region: why, and a way out. */
export function UnsupportedSyncSource({ region, onClose }: { region: string; onClose: () => void }) {
  const t = useTranslations("browseCommon");
  return (
    <div className="space-y-4">
      <Alert tone="info">
        <p className="font-medium">{t("syncUnsupported", { region })}</p>
        <p className="mt-1">{t("syncUnsupportedHelp", { regions: SWR_SYNC_REGION_IDS.join(", ") })}</p>
      </Alert>
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          {t("close")}
        </Button>
      </div>
    </div>
  );
}
