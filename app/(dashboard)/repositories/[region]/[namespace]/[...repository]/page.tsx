import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { repositoriesHref } from "@/components/browse/links";
import { RefreshAlert } from "@/components/browse/refresh-alert";
import { RepositoryHeader } from "@/components/browse/repository-header";
import { compareSourceHref } from "@/components/compare/url-state";
import { buttonClass } from "@/components/ui/button";
import { getMessageText } from "@/i18n/server-message";
import { TagBrowser } from "@/components/browse/tag-browser";
import { RepositoryRules } from "@/components/rules/repository-rules";
import { getCurrentUser, roleAllows } from "@/lib/auth/session";
import { getRepository } from "@/lib/browse/repositories";
import { isSwrError } from "@/lib/swr";
import { swrErrorMsg } from "@/lib/swr/errors";
import { repositoryRefFromSegments } from "@/lib/validation/browse";

interface Props {
  params: Promise<{ region: string; namespace: string; repository: string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ref = repositoryRefFromSegments(await params);
  return { title: ref ? `${ref.namespace}/${ref.repository}` : undefined };
}

export default async function RepositoryPage({ params }: Props) {
  const ref = repositoryRefFromSegments(await params);
  if (!ref) notFound();
  const t = await getTranslations("repositoryPage");
  const user = await getCurrentUser();
  let detail;
  try {
    detail = await getRepository(ref);
  } catch (error) {
    if (isSwrError(error) && error.status === 404) notFound();
    const text = await getMessageText();
    return (
      <RefreshAlert
        title={t("loadFailed", { name: `${ref.namespace}/${ref.repository}` })}
        message={text(swrErrorMsg(error))}
        retryLabel={t("retry")}
      />
    );
  }
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <nav aria-label={t("breadcrumb")}>
          <Link href={repositoriesHref({ region: ref.region, namespace: ref.namespace })} className="text-blue-700 hover:underline dark:text-blue-300">
            {t("backToList", { namespace: ref.namespace, region: ref.region })}
          </Link>
        </nav>
        <Link href={compareSourceHref(ref)} className={buttonClass("secondary")}>
          {t("compare")}
        </Link>
      </div>
      <RepositoryHeader repository={detail} region={ref.region} />
      <TagBrowser repositoryRef={ref} pullPath={detail.path} canSync={user !== null && roleAllows(user.role, "operator")} />
      <RepositoryRules repositoryRef={ref} canManage={user !== null && roleAllows(user.role, "admin")} />
    </>
  );
}
