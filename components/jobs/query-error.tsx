"use client";

import { useTranslations } from "next-intl";
import { errorMessage } from "@/lib/query/api-client";
import { RetryAlert } from "@/components/ui/retry-alert";

interface FailedQuery {
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/** A query that failed, in words, with a button that runs it again. */
export function QueryError({ title, query }: { title: string; query: FailedQuery }) {
  const t = useTranslations("errors");
  return (
    <RetryAlert
      title={title}
      message={errorMessage(query.error)}
      retryLabel={t("retry")}
      busy={query.isFetching}
      onRetry={() => void query.refetch()}
    />
  );
}
