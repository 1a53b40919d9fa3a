import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { nowrap } from "@/components/ui/nowrap";
import { getMessageText } from "@/i18n/server-message";
import { getSwrClient } from "@/lib/swr";
import { swrErrorMsg } from "@/lib/swr/errors";

export async function NamespacesCard({ region }: { region: string }) {
  const t = await getTranslations("overview");
  const title = t.rich("namespacesTitle", { region, id: nowrap });
  let namespaces;
  try {
    namespaces = await getSwrClient().listNamespaces(region);
  } catch (error) {
    const text = await getMessageText();
    return (
      <Card title={title} titleId="namespaces-title">
        <Alert>{t("namespacesError", { message: text(swrErrorMsg(error)) })}</Alert>
      </Card>
    );
  }
  const permission = (auth: number) =>
    auth === 7 || auth === 3 || auth === 1 ? t(`permission${auth}`) : t("permissionOther", { auth });
  return (
    <Card title={title} titleId="namespaces-title">
      {namespaces.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("namespacesEmpty", { region })}</p>
      ) : (
        <table className="w-full text-left text-sm" aria-labelledby="namespaces-title">
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">{t("colName")}</th>
              <th scope="col" className="py-1 pr-4 font-medium">{t("colCreator")}</th>
              <th scope="col" className="py-1 font-medium">{t("colPermission")}</th>
            </tr>
          </thead>
          <tbody>
            {namespaces.map((ns) => (
              <tr key={ns.name} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="py-1 pr-4 font-mono font-normal">{ns.name}</th>
                <td className="py-1 pr-4">{ns.creator_name || "—"}</td>
                <td className="py-1">{permission(ns.auth)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
