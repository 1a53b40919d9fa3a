"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { RetryAlert } from "@/components/ui/retry-alert";

/** An SWR failure on a server-rendered page: the sentence, and a retry that renders the page again (asking SWR again). */
export function RefreshAlert({ title, message, retryLabel }: { title: string; message: string; retryLabel: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <RetryAlert
      title={title}
      message={message}
      retryLabel={retryLabel}
      busy={pending}
      onRetry={() => startTransition(() => router.refresh())}
    />
  );
}
