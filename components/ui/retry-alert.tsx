import { Alert } from "./alert";
import { Button } from "./button";

/** A failed load in words, with a button that asks again; the caller supplies the texts and the retry. */
export function RetryAlert({
  title,
  message,
  retryLabel,
  onRetry,
  busy = false,
}: {
  title: string;
  message: string;
  retryLabel: string;
  onRetry: () => void;
  busy?: boolean;
}) {
  return (
    <Alert>
      <div className="space-y-2">
        <p className="font-medium">{title}</p>
        <p>{message}</p>
        <Button variant="secondary" disabled={busy} onClick={onRetry}>
          {retryLabel}
        </Button>
      </div>
    </Alert>
  );
}
