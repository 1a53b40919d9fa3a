"use client";

import { ErrorState } from "@/components/error-state";

// The reference is built from code alone; only a bug lands here.
export default function ApiDocsError({
  error,
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return <ErrorState error={error} reset={retry} />;
}
