import { SwrError } from "@/lib/swr/errors";

/** The SwrError a promise rejects with; throws when it resolves or rejects with anything else. */
export async function swrRejection(p: Promise<unknown>): Promise<SwrError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof SwrError)) throw new Error(`expected an SwrError, got ${String(e)}`);
  return e;
}
