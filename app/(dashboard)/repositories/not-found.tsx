import { getTranslations } from "next-intl/server";
import { NotFoundPanel } from "@/components/browse/not-found-panel";

export default async function RepositoriesNotFound() {
  const t = await getTranslations("browseCommon");
  return <NotFoundPanel title={t("notFoundTitle")} body={t("notFoundBody")} linkLabel={t("backToList")} />;
}
