"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useNamespaces } from "@/components/browse/use-browse-queries";
import { NamespaceInput } from "@/components/browse/namespace-input";
import { Field } from "@/components/ui/field";
import { useErrorText } from "@/components/ui/use-message";
import type { NamespaceStatus } from "./use-sync-form";

// SWR's auth levels: 7 manage, 3 write, 1 read (contract §8.2); a sync needs write (§11 #17, inferred).
const WRITE = 3;

/** Free text with the target region's namespaces as suggestions, checked against the name rule and for existence. */
export function TargetNamespaceField({
  region,
  value,
  onChange,
  status,
  attempted,
  errors,
}: {
  region: string;
  value: string;
  onChange: (value: string) => void;
  status: NamespaceStatus;
  attempted: boolean;
  /** Further problems of this target: listed twice, or what the server said about it. */
  errors: string[];
}) {
  const t = useTranslations("syncPanel");
  const id = useId();
  const namespaces = useNamespaces(region || undefined);
  const errorText = useErrorText();
  const name = value.trim();

  const statusError: Partial<Record<NamespaceStatus["kind"], string>> = {
    empty: attempted ? t("namespaceRequired") : undefined,
    invalid: t("namespaceRule"),
    missing: t("namespaceMissing", { namespace: name, region }),
    failed: status.kind === "failed" ? t("namespaceCheckFailed", { message: errorText(status.error) }) : undefined,
  };
  const error = [statusError[status.kind], ...errors].filter(Boolean).join(" ") || undefined;
  let hint: string | undefined;
  if (status.kind === "checking") hint = t("namespaceChecking", { namespace: name, region });
  else if (status.kind === "exists") {
    hint = status.auth >= WRITE ? t("namespaceExists", { namespace: name, region }) : t("namespaceReadOnly", { namespace: name, region });
  } else if (namespaces.isError) hint = t("namespacesFailed", { message: errorText(namespaces.error) });

  return (
    <Field id={`${id}-ns`} label={t("targetNamespace")} hint={hint} error={error}>
      {(ids) => <NamespaceInput {...ids} region={region} value={value} onChange={onChange} />}
    </Field>
  );
}
