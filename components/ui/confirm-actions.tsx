import type { ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

/**
 * The foot of a confirmation dialog: what went wrong with the last try (if anything), then "keep" (closes) and the
 * dangerous action, disabled while it runs.
 */
export function ConfirmActions({
  error,
  keepLabel,
  onKeep,
  confirmLabel,
  onConfirm,
  disabled = false,
}: {
  error?: ReactNode;
  keepLabel: string;
  onKeep: () => void;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  return (
    <>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onKeep}>
          {keepLabel}
        </Button>
        <Button variant="danger" disabled={disabled} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </>
  );
}
