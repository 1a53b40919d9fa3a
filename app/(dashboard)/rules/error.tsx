"use client";

import { ErrorState } from "@/components/error-state";

// Only unexpected failures land here: API and SWR errors are shown in place with their own retry.
export default function RulesError({
  error,
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return <ErrorState error={error} reset={retry} />;
}
