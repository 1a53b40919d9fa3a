"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { ApiError } from "@/lib/query/api-client";
import { isRole, ROLES, roleAllows, type Role } from "@/lib/auth/roles";
import { TOKEN_DAYS_CHOICES, TOKEN_DAYS_DEFAULT, TOKEN_NAME_MAX, tokenNameOf } from "@/lib/tokens/limits";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass, selectClass } from "@/components/ui/field";
import { useErrorText, useFieldErrorText } from "@/components/ui/use-message";
import { NewToken } from "./new-token";
import { useCreateToken } from "./use-tokens";

/** Name, expiry and role (up to the person's own) of a new token; once created, its text is shown here, once. */
export function TokenForm({ ownRole }: { ownRole: Role }) {
  const t = useTranslations("tokens");
  const tRole = useTranslations("roles");
  const id = useId();
  const create = useCreateToken();
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const [name, setName] = useState("");
  const [days, setDays] = useState<number>(TOKEN_DAYS_DEFAULT);
  const [role, setRole] = useState<Role>("viewer");
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tokenName = tokenNameOf(name);
    if (tokenName === null) {
      setNameError(t("nameRequired", { max: TOKEN_NAME_MAX }));
      return;
    }
    setNameError(null);
    create.mutate({ name: tokenName, expiresInDays: days, role }, { onSuccess: () => setName("") });
  };

  const fieldError = create.error instanceof ApiError ? fieldErrorText(create.error).name?.[0] : undefined;

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label={t("createTitle")} noValidate>
        <Field id={`${id}-name`} label={t("name")} hint={t("nameHint")} error={nameError ?? fieldError} className="min-w-64 flex-1">
          {(ids) => (
            <input
              {...ids}
              className={inputClass}
              value={name}
              maxLength={TOKEN_NAME_MAX}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field id={`${id}-expiry`} label={t("expiry")}>
          {(ids) => (
            <select {...ids} className={selectClass} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {TOKEN_DAYS_CHOICES.map((d) => (
                <option key={d} value={d}>
                  {t("days", { count: d })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-role`} label={t("role")}>
          {(ids) => (
            <select
              {...ids}
              className={selectClass}
              value={role}
              onChange={(e) => {
                if (isRole(e.target.value)) setRole(e.target.value);
              }}
            >
              {ROLES.filter((r) => roleAllows(ownRole, r)).map((r) => (
                <option key={r} value={r}>
                  {tRole(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </Button>
      </form>
      <p className="text-xs text-slate-600 dark:text-slate-300">{t("roleHint")}</p>
      {create.isError && !fieldError ? <Alert>{errorText(create.error)}</Alert> : null}
      {create.data ? <NewToken name={create.data.token.name} secret={create.data.secret} onDone={() => create.reset()} /> : null}
    </div>
  );
}
