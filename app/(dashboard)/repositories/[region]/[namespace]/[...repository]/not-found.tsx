import { getTranslations } from "next-intl/server";
import { NotFoundPanel } from "@/components/browse/not-found-panel";

export default async function RepositoryNotFound() {
  const t = await getTranslations("repositoryPage");
  return <NotFoundPanel title={t("notFoundTitle")} body={t("notFoundBody")} linkLabel={t("backToAll")} />;
}
