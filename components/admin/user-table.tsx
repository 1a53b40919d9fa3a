"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect } from "react";
import { formatDateTime } from "@/components/jobs/format";
import { QueryError } from "@/components/jobs/query-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { selectClass } from "@/components/ui/field";
import { cellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { useToast } from "@/components/ui/toast";
import { useErrorText } from "@/components/ui/use-message";
import { isRole, ROLES } from "@/lib/auth/roles";
import type { UserDto } from "@/lib/users/dto";
import type { UserPatch } from "./api";
import { EndSessions } from "./end-sessions";
import { useUpdateUser, useUsers } from "./use-users";

function UserRow({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const t = useTranslations("users");
  const tRole = useTranslations("roles");
  const format = useFormatter();
  const toast = useToast();
  const errorText = useErrorText();
  const update = useUpdateUser();
  const patch = update.isPending ? update.variables.patch : undefined;
  // While a change is on its way the controls show it; on refusal they fall back to what the server holds.
  const role = patch && "role" in patch ? patch.role : user.role;

  const change = (next: UserPatch, done: (u: UserDto) => string) =>
    update.mutate(
      { id: user.id, patch: next },
      {
        onSuccess: (u) => toast(done(u), "success"),
        onError: (error) =>
          toast(t("changeFailed", { email: user.email, message: errorText(error) }), "error"),
      },
    );

  return (
    <tr
      id={`user-${user.id}`}
      className={`${rowClass} scroll-mt-4 target:bg-amber-50 dark:target:bg-amber-950`}
      aria-busy={update.isPending}
    >
      <th scope="row" className={`${cellClass} font-normal`}>
        {user.email}
        {isSelf ? <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{t("you")}</span> : null}
      </th>
      <td className={cellClass}>{user.name ?? "—"}</td>
      <td className={cellClass}>
        <select
          aria-label={t("roleOf", { email: user.email })}
          className={selectClass}
          value={role}
          disabled={update.isPending}
          onChange={(e) => {
            const next = e.target.value;
            if (isRole(next)) change({ role: next }, (u) => t("roleChanged", { email: u.email, role: tRole(u.role) }));
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRole(r)}
            </option>
          ))}
        </select>
      </td>
      <td className={cellClass}>
        {user.disabled ? (
          <Badge tone="danger">{t("statusDisabled")}</Badge>
        ) : (
          <Badge tone="success">{t("statusActive")}</Badge>
        )}
      </td>
      <td className={cellClass}>{formatDateTime(format, user.createdAt)}</td>
      <td className={cellClass}>
        <div className="flex flex-wrap gap-2">
          <Button
            variant={user.disabled ? "secondary" : "danger"}
            disabled={update.isPending}
            aria-label={t(user.disabled ? "enableUser" : "disableUser", { email: user.email })}
            onClick={() =>
              change({ disabled: !user.disabled }, (u) =>
                t(u.disabled ? "disabled" : "enabled", { email: u.email }),
              )
            }
          >
            {user.disabled ? t("enable") : t("disable")}
          </Button>
          <EndSessions user={user} isSelf={isSelf} />
        </div>
        {update.isError ? (
          <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
            {errorText(update.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** Every account, with its role and whether it may sign in; the API refuses what an admin may not do to themself. */
export function UserTable({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("users");
  const users = useUsers();
  const loaded = users.isSuccess;
  // The audit log links a user as /admin/users#user-<id>: the row exists only once the list has loaded.
  useEffect(() => {
    if (loaded && window.location.hash.startsWith("#user-"))
      document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView({ block: "center" });
  }, [loaded]);
  if (users.isPending) return <TableSkeleton label={t("loading")} />;
  if (users.isError) return <QueryError title={t("loadFailed")} query={users} />;
  return (
    <TableScroller>
      <table className={tableClass}>
        <caption className="sr-only">{t("caption")}</caption>
        <thead className={theadClass}>
          <tr>
            <Th>{t("colEmail")}</Th>
            <Th>{t("colName")}</Th>
            <Th>{t("colRole")}</Th>
            <Th>{t("colStatus")}</Th>
            <Th>{t("colCreated")}</Th>
            <Th>{t("colActions")}</Th>
          </tr>
        </thead>
        <tbody>
          {users.data.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
