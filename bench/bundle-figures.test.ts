import { describe, expect, it } from "vitest";
import {
  chunkUse,
  FIRST_LOAD_BUDGET_BYTES,
  htmlChunks,
  manifestChunks,
  pageBundle,
  parseClientReferenceManifests,
  renderBundles,
} from "./bundle-figures";

const manifestFile = (page: string, clientModules: Record<string, { chunks: string[] }>) =>
  [
    "globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};",
    `globalThis.__RSC_MANIFEST[${JSON.stringify(page)}] = ${JSON.stringify({ moduleLoading: { prefix: "" }, clientModules, entryJSFiles: {} })};`,
    "",
  ].join("\n");

describe("parseClientReferenceManifests", () => {
  it("reads the client modules' chunks of the page the file assigns, without running it", () => {
    const source = manifestFile("/(dashboard)/jobs/[id]/page", {
      "[project]/components/a.tsx": { chunks: ["/_next/static/chunks/a.js", "/_next/static/chunks/shared.js"] },
    });
    const manifests = parseClientReferenceManifests(source);
    expect([...manifests.keys()]).toEqual(["/(dashboard)/jobs/[id]/page"]);
    expect(manifests.get("/(dashboard)/jobs/[id]/page")?.clientModules["[project]/components/a.tsx"]?.chunks).toEqual([
      "/_next/static/chunks/a.js",
      "/_next/static/chunks/shared.js",
    ]);
  });

  it.each([
    ["a file that assigns no manifest", "module.exports = {};"],
    ["a manifest without client modules", 'globalThis.__RSC_MANIFEST["/p/page"] = {"entryJSFiles":{}};'],
    ["chunks that are not a list of files", 'globalThis.__RSC_MANIFEST["/p/page"] = {"clientModules":{"m":{"chunks":[1]}}};'],
  ])("refuses %s", (_, source) => {
    expect(() => parseClientReferenceManifests(source)).toThrow();
  });
});

describe("first-load chunks", () => {
  it("are the root chunks and every client module's chunks, once each", () => {
    const chunks = manifestChunks(["static/chunks/main.js", "static/chunks/turbopack.js"], {
      clientModules: {
        a: { chunks: ["/_next/static/chunks/shared.js", "/_next/static/chunks/a.js"] },
        b: { chunks: ["/_next/static/chunks/shared.js"] },
      },
    });
    expect(chunks).toEqual(["static/chunks/a.js", "static/chunks/main.js", "static/chunks/shared.js", "static/chunks/turbopack.js"]);
  });

  it("are read from the HTML's scripts, leaving out the noModule polyfills and other scripts", () => {
    const html = [
      '<link rel="preload" as="script" href="/_next/static/chunks/late.js"/>',
      '<script src="/_next/static/chunks/main.js" async="" nonce="n"></script>',
      '<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n"></script>',
      "<script nonce=\"n\">self.__next_f.push([1,\"x\"])</script>",
      "<script src='/_next/static/chunks/a.js?dpl=1' async></script>",
      '<script src="/_next/static/chunks/main.js" async=""></script>',
      '<script src="https://example.com/x.js"></script>',
    ].join("");
    expect(htmlChunks(html)).toEqual(["static/chunks/a.js", "static/chunks/main.js"]);
  });
});

describe("pageBundle", () => {
  const sizes: Record<string, number> = { "static/chunks/a.js": 120_000, "static/chunks/b.js": 60_000, "static/chunks/c.js": 1 };
  const sizeOf = (file: string) => sizes[file] ?? 0;

  it("sums the gzipped chunks, largest first, and holds the sum to the budget", () => {
    const within = pageBundle("/jobs", ["static/chunks/b.js", "static/chunks/a.js"], sizeOf);
    expect(within).toEqual({
      route: "/jobs",
      chunks: [
        { file: "static/chunks/a.js", gzipBytes: 120_000 },
        { file: "static/chunks/b.js", gzipBytes: 60_000 },
      ],
      gzipBytes: FIRST_LOAD_BUDGET_BYTES,
      overBudget: false,
    });
    expect(pageBundle("/compare", ["static/chunks/a.js", "static/chunks/b.js", "static/chunks/c.js"], sizeOf).overBudget).toBe(true);
  });

  it("lists each chunk with the pages that load it, and renders both tables", () => {
    const pages = [
      pageBundle("/", ["static/chunks/a.js"], sizeOf),
      pageBundle("/jobs", ["static/chunks/a.js", "static/chunks/b.js"], sizeOf),
      pageBundle("/compare", ["static/chunks/a.js", "static/chunks/b.js", "static/chunks/c.js"], sizeOf),
    ];
    expect(chunkUse(pages).map((c) => [c.file, c.routes])).toEqual([
      ["static/chunks/a.js", ["/", "/jobs", "/compare"]],
      ["static/chunks/b.js", ["/jobs", "/compare"]],
      ["static/chunks/c.js", ["/compare"]],
    ]);
    const text = renderBundles(pages);
    expect(text).toContain("budget 180.0 kB");
    expect(text).toMatch(/\/compare\s+3\s+180\.0\s+over by 0\.0/);
    expect(text).toMatch(/a\.js\s+120\.0\s+3\/3\s+all/);
    expect(text).toMatch(/b\.js\s+60\.0\s+2\/3\s+all but \//);
  });
});
