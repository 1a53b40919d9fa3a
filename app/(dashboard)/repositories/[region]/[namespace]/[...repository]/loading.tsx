import { getTranslations } from "next-intl/server";
import { CardSkeleton } from "@/components/ui/card-skeleton";
import { TableSkeleton } from "@/components/ui/table-skeleton";

export default async function Loading() {
  const t = await getTranslations("repositoryPage");
  return (
    <>
      <CardSkeleton />
      <TableSkeleton label={t("loading")} />
    </>
  );
}
