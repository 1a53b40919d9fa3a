"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useErrorText } from "@/components/ui/use-message";
import type { UserDto } from "@/lib/users/dto";
import { useRevokeSessions } from "./use-users";

/** "End sessions" for one user and its confirmation: every browser of theirs is signed out at its next request. */
export function EndSessions({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const t = useTranslations("users");
  const toast = useToast();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const revoke = useRevokeSessions();
  const close = () => {
    setOpen(false);
    revoke.reset();
  };

  return (
    <>
      <Button
        variant="secondary"
        aria-label={t("endSessionsOf", { email: user.email })}
        onClick={() => setOpen(true)}
      >
        {t("endSessions")}
      </Button>
      <Dialog open={open} onClose={close} title={t("endSessionsTitle", { email: user.email })}>
        <p className="text-sm">
          {t("endSessionsBody", { email: user.email })} {isSelf ? t("endSessionsSelf") : null}
        </p>
        <ConfirmActions
          error={revoke.isError ? errorText(revoke.error) : null}
          keepLabel={t("endSessionsKeep")}
          onKeep={close}
          confirmLabel={revoke.isPending ? t("endSessionsPending") : t("endSessionsConfirm")}
          disabled={revoke.isPending}
          onConfirm={() =>
            revoke.mutate(user.id, {
              onSuccess: (count) => {
                setOpen(false);
                toast(t("sessionsEnded", { email: user.email, count }), "success");
              },
            })
          }
        />
      </Dialog>
    </>
  );
}
