"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { useState } from "react";
import type { TokenDto } from "@/lib/tokens/dto";
import { formatDateTime } from "@/components/jobs/format";
import { QueryError } from "@/components/jobs/query-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";
import { cellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { useToast } from "@/components/ui/toast";
import { useErrorText } from "@/components/ui/use-message";
import { useRevokeToken, useTokens } from "./use-tokens";

/** "Revoke" for one token and its confirmation: the token stops working at its next use. */
function RevokeToken({ token }: { token: TokenDto }) {
  const t = useTranslations("tokens");
  const toast = useToast();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const revoke = useRevokeToken();
  const close = () => {
    setOpen(false);
    revoke.reset();
  };
  return (
    <>
      <Button variant="danger" aria-label={t("revokeOf", { name: token.name })} onClick={() => setOpen(true)}>
        {t("revoke")}
      </Button>
      <Dialog open={open} onClose={close} title={t("revokeTitle", { name: token.name })}>
        <p className="text-sm">{t("revokeBody", { name: token.name, prefix: token.prefix })}</p>
        <ConfirmActions
          error={revoke.isError ? errorText(revoke.error) : null}
          keepLabel={t("revokeKeep")}
          onKeep={close}
          confirmLabel={revoke.isPending ? t("revokePending") : t("revokeConfirm")}
          disabled={revoke.isPending}
          onConfirm={() =>
            revoke.mutate(token.id, {
              onSuccess: () => {
                setOpen(false);
                toast(t("revoked", { name: token.name }), "success");
              },
            })
          }
        />
      </Dialog>
    </>
  );
}

/** The person's own tokens, with when each was made, expires and was last used (in their time zone). */
export function TokenTable() {
  const t = useTranslations("tokens");
  const tRole = useTranslations("roles");
  const format = useFormatter();
  const tokens = useTokens();
  const now = useNow({ updateInterval: 60_000 }).getTime();
  if (tokens.isPending) return <TableSkeleton label={t("loading")} />;
  if (tokens.isError) return <QueryError title={t("loadFailed")} query={tokens} />;
  if (tokens.data.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">{t("empty")}</p>;
  return (
    <TableScroller>
      <table className={tableClass}>
        <caption className="sr-only">{t("caption")}</caption>
        <thead className={theadClass}>
          <tr>
            <Th>{t("colName")}</Th>
            <Th>{t("colPrefix")}</Th>
            <Th>{t("colRole")}</Th>
            <Th>{t("colCreated")}</Th>
            <Th>{t("colExpires")}</Th>
            <Th>{t("colLastUsed")}</Th>
            <Th>{t("colActions")}</Th>
          </tr>
        </thead>
        <tbody>
          {tokens.data.map((token) => (
            <tr key={token.id} className={rowClass}>
              <th scope="row" className={`${cellClass} font-normal`}>
                {token.name}
              </th>
              <td className={`${cellClass} font-mono`}>{token.prefix}</td>
              <td className={cellClass}>{tRole(token.role)}</td>
              <td className={cellClass}>{formatDateTime(format, token.createdAt)}</td>
              <td className={cellClass}>
                {formatDateTime(format, token.expiresAt)}{" "}
                {Date.parse(token.expiresAt) <= now ? <Badge tone="danger">{t("expired")}</Badge> : null}
              </td>
              <td className={cellClass}>
                {token.lastUsedAt ? formatDateTime(format, token.lastUsedAt) : t("neverUsed")}
              </td>
              <td className={cellClass}>
                <RevokeToken token={token} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
