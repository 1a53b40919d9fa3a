import { getTranslations } from "next-intl/server";
import { TableSkeleton } from "@/components/ui/table-skeleton";

export default async function Loading() {
  const t = await getTranslations("compare");
  return <TableSkeleton label={t("loading")} />;
}
