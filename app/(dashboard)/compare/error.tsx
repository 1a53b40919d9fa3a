"use client";

import { ErrorState } from "@/components/error-state";

// Only unexpected failures land here: failed reads are shown in place, per repository, with their own retry.
export default function CompareError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorState error={error} reset={retry} />;
}
