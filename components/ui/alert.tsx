import type { ReactNode } from "react";

const TONES = {
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  info: "border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100",
} as const;

/** A message that screen readers announce: role=alert for errors, role=status otherwise. */
export function Alert({ tone = "error", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}

/** A refused form: the server's sentence, then the messages of fields the form has no place for. */
export function FormErrorAlert({ message, details }: { message: ReactNode; details: readonly string[] }) {
  return (
    <Alert>
      <p>{message}</p>
      {details.length ? (
        <ul className="mt-1 list-disc pl-5">
          {details.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
