import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { english } from "@/i18n/english";
import { renderMessage, type Translate } from "@/i18n/message";
import { loadMessages } from "@/messages";
import { issueMessage, zodFieldMessages } from "./issue-messages";

const schema = z.strictObject({
  name: z.string().min(3).max(5),
  tags: z.array(z.string()).min(1),
  count: z.number().int().min(1).max(10),
  email: z.email(),
  kind: z.enum(["a", "b"]),
  named: z.string().max(2, { message: "errors.validation.tooBig_string" }),
});

const issues = (input: unknown) => schema.safeParse(input).error!.issues;

describe("zod issues as catalog messages", () => {
  it("maps each issue by its code and limits", () => {
    const byPath = Object.fromEntries(
      issues({ name: "x", tags: [], count: 11, email: "nope", kind: "c", named: "abc", extra: 1 }).map((i) => [i.path.join(".") || "_", issueMessage(i)]),
    );
    expect(byPath).toEqual({
      name: { key: "errors.validation.tooSmall_string", params: { minimum: 3 } },
      tags: { key: "errors.validation.tooSmall_array", params: { minimum: 1 } },
      count: { key: "errors.validation.tooBig_number", params: { maximum: 10 } },
      email: { key: "errors.validation.format_email" },
      kind: { key: "errors.validation.oneOf", params: { values: "a, b" } },
      named: { key: "errors.validation.tooBig_string", params: expect.objectContaining({ maximum: 2 }) },
      _: { key: "errors.validation.unknownFields", params: { fields: "extra" } },
    });
  });

  it("says a missing field is required", () => {
    expect(zodFieldMessages({ issues: issues({}) }).name).toEqual([{ key: "errors.validation.required" }]);
  });

  it("maps a value of the wrong type (not only a missing one), and a fraction where a whole number belongs", () => {
    const m = zodFieldMessages(z.object({ on: z.boolean(), n: z.coerce.number().int() }).safeParse({ on: "yes", n: "1.5" }).error!);
    expect(m).toEqual({ on: [{ key: "errors.validation.type_boolean" }], n: [{ key: "errors.validation.type_bigint" }] });
  });

  it("leaves out what an issue holds besides plain values (a union's issues per form)", () => {
    const [issue] = z.union([z.string(), z.array(z.string())], "jobErrors.compare.targetShape").safeParse(1).error!.issues;
    expect(issueMessage(issue!)).toEqual({ key: "jobErrors.compare.targetShape" });
  });

  it("gives a schema's sentence that is not a catalog key the catalog's message for its issue, never the sentence", () => {
    const [issue] = z.string().min(1, { message: "Pick a tag." }).safeParse("").error!.issues;
    expect(issueMessage(issue!)).toEqual({ key: "errors.validation.tooSmall_string", params: { minimum: 1 } });
  });

  it("renders in English on the server and in Chinese from the zh-CN catalog", async () => {
    const m = issueMessage(issues({ name: "abcdefgh", tags: ["a"], count: 1, email: "a@b.co", kind: "a", named: "" })[0]!);
    expect(english(m)).toBe("Must be at most 5 characters long.");
    const t = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") }) as unknown as Translate;
    expect(renderMessage(t, m)).toBe("长度最多为 5 个字符。");
  });

  it("renders parameters that are messages themselves", () => {
    const nested = { key: "swrErrors.invalidRequest", params: { field: "imageTag", problem: { key: "errors.validation.tagsMin" } } };
    expect(english(nested)).toBe("The request to SWR was not valid (imageTag): Name at least one tag.");
  });
});
