import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getMessageText } from "@/i18n/server-message";
import { getSwrClient } from "@/lib/swr";
import { swrErrorMsg } from "@/lib/swr/errors";

export async function ConnectionCard({ region }: { region: string }) {
  const t = await getTranslations("overview");
  const title = t("connectionTitle");
  let probe;
  try {
    probe = await getSwrClient().probe(region);
  } catch (error) {
    const text = await getMessageText();
    return (
      <Card title={title} titleId="connection-title">
        <Alert>{t("unreachable", { message: text(swrErrorMsg(error)) })}</Alert>
      </Card>
    );
  }
  return (
    <Card title={title} titleId="connection-title">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">{t("backend")}</dt>
        <dd>{probe.kind === "simulator" ? t("kindSimulator") : t("kindHuaweiCloud")}</dd>
        <dt className="text-slate-500 dark:text-slate-400">{t("endpoint")}</dt>
        <dd className="break-all font-mono text-xs">{probe.endpoint}</dd>
        <dt className="text-slate-500 dark:text-slate-400">{t("region")}</dt>
        <dd className="whitespace-nowrap">{region}</dd>
        <dt className="text-slate-500 dark:text-slate-400">{t("apiVersion")}</dt>
        <dd>{probe.apiVersion ?? "—"}</dd>
      </dl>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">{t("latency", { ms: Math.round(probe.latencyMs) })}</p>
    </Card>
  );
}
