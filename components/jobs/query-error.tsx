"use client";

import { useTranslations } from "next-intl";
import { RetryAlert } from "@/components/ui/retry-alert";
import { useErrorText } from "@/components/ui/use-message";

interface FailedQuery {
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/** A query that failed, in words, with a button that runs it again. */
export function QueryError({ title, query }: { title: string; query: FailedQuery }) {
  const t = useTranslations("errors");
  const errorText = useErrorText();
  return (
    <RetryAlert
      title={title}
      message={errorText(query.error)}
      retryLabel={t("retry")}
      busy={query.isFetching}
      onRetry={() => void query.refetch()}
    />
  );
}
