import { z } from "zod";
import { canonicalTimeZone } from "@/lib/time-zone";

const MESSAGE = "errors.validation.timeZone";

/** An IANA time zone name such as `Asia/Shanghai`, one the runtime knows (`Intl.supportedValuesOf`), in its canonical spelling. */
export const timeZoneSchema = z
  .string(MESSAGE)
  .max(64, { message: MESSAGE, abort: true })
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name.trim());
    if (canonical) return canonical;
    ctx.addIssue({ code: "custom", message: MESSAGE });
    return z.NEVER;
  });
