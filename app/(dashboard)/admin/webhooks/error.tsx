"use client";

import { ErrorState } from "@/components/error-state";

// Only unexpected failures land here: API errors are shown in place with their own retry.
export default function WebhooksError({
  error,
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return <ErrorState error={error} reset={retry} />;
}
