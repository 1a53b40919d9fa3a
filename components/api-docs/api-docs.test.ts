import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/messages";
import { openApiDocument } from "@/lib/openapi/document";
import { apiReference } from "@/lib/openapi/reference";
import { OperationView, tagAnchor } from "./operation-view";
import { SchemaView, type ApiDocsT } from "./schema-view";

// The reference's markup with the real catalogs: headings and landmarks by name, links between operations, schemas and
// error answers, and the page's words from the catalog around the API's own English.

const reference = apiReference(openApiDocument());
const operation = (id: string) => reference.tags.flatMap((t) => t.operations).find((op) => op.id === id)!;

async function translators(locale: "en" | "zh-CN") {
  const messages = await loadMessages(locale);
  // The page passes getTranslations()'s functions; these are the same translators over the same catalogs.
  const t = createTranslator({ locale, messages, namespace: "apiDocs" }) as unknown as ApiDocsT;
  const common = createTranslator({ locale, messages }) as unknown as Parameters<
    typeof OperationView
  >[0]["common"];
  return { t, common };
}

describe("the API reference markup", () => {
  it("shows an operation as a named article: method, path, role, body schema link, examples and error answers", async () => {
    const { t, common } = await translators("en");
    const html = renderToStaticMarkup(createElement(OperationView, { op: operation("startJob"), t, common }));
    expect(html).toMatch(/^<article aria-labelledby="op-startJob"/);
    expect(html).toContain(
      '<h3 id="op-startJob" class="text-base font-semibold" lang="en">Start a sync job</h3>',
    );
    expect(html).toMatch(/>POST<\/span> <code[^>]*>\/api\/jobs<\/code>/);
    expect(html).toContain("Role needed: operator");
    expect(html).toContain('href="#schema-CreateJobRequest"');
    expect(html).toContain("Two tags by name");
    expect(html).toContain('<caption class="sr-only">Parameters of Start a sync job</caption>');
    expect(html).toMatch(/href="#error-Unauthenticated"[^>]*>401 Unauthenticated<\/a>/);
    expect(html).not.toContain("MISSING_MESSAGE");
  });

  it("shows a schema as a property table with its rules", async () => {
    const { t } = await translators("en");
    const schema = reference.schemas.find((s) => s.name === "CreateJobRequest")!.schema;
    const html = renderToStaticMarkup(createElement(SchemaView, { schema, t, name: "CreateJobRequest" }));
    expect(html).toContain("Properties of CreateJobRequest, form 1 of 2</caption>");
    expect(html).toContain("Properties of CreateJobRequest, form 2 of 2</caption>");
    expect(html).toContain("at least 1 character; at most 64 characters");
    expect(html).toContain("at most 50,000 items");
  });

  it("anchors each tag's section by an ID without spaces, one per tag", () => {
    expect(tagAnchor("API tokens")).toBe("tag-api-tokens");
    const anchors = reference.tags.map((tag) => tagAnchor(tag.name));
    for (const anchor of anchors) expect(anchor).toMatch(/^tag-[a-z0-9-]+$/);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it("shows an answer without a body by its status and description", async () => {
    const { t, common } = await translators("en");
    const html = renderToStaticMarkup(
      createElement(OperationView, { op: operation("deleteWebhook"), t, common }),
    );
    expect(html).toMatch(/<dt[^>]*>204<\/dt><dd[^>]*><p[^>]*>The webhook was deleted; no body.<\/p><\/dd>/);
    expect(html).toContain("Role needed: admin");
    expect(html).not.toContain("MISSING_MESSAGE");
  });

  it("words the page in the reader's language and keeps the API's English", async () => {
    const { t, common } = await translators("zh-CN");
    const html = renderToStaticMarkup(createElement(OperationView, { op: operation("startJob"), t, common }));
    expect(html).toContain("所需角色：操作员");
    expect(html).toContain(">Start a sync job</h3>");
  });
});
