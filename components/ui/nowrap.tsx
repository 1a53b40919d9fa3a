import type { ReactNode } from "react";

/** For `t.rich(…, { id: nowrap })`: an identifier such as a region ID (`cn-north-4`) never breaks at its hyphens. */
export function nowrap(chunks: ReactNode) {
  return <span className="whitespace-nowrap">{chunks}</span>;
}
