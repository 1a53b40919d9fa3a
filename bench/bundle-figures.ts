// First-load JS per page of the production build: the chunks a page's HTML loads, gzipped and summed. Pure.

/** Every page's first-load JS stays within this many gzipped bytes (kB of 1,000 bytes, as Next's own build report counts). */
export const FIRST_LOAD_BUDGET_BYTES = 180_000;
/** gzip level the sizes are taken at: 9, as the `gzip-size` package behind Next's former "First Load JS" column. */
export const GZIP_LEVEL = 9;

/** The part of a client reference manifest (`.next/server/app/<page>_client-reference-manifest.js`) read here. */
export interface ClientReferenceManifest {
  /** Per client module the page's server components can render: the chunks that load it. */
  clientModules: Record<string, { chunks: readonly string[] }>;
}

const MANIFEST_LINE = /^globalThis\.__RSC_MANIFEST\[("(?:[^"\\]|\\.)*")\] = (\{.*\});?$/;

/**
 * The manifests a `*_client-reference-manifest.js` file assigns, by page (`/(dashboard)/jobs/[id]/page`). The file is
 * a JSON object assigned to a global; it is read as JSON, not run.
 */
export function parseClientReferenceManifests(source: string): Map<string, ClientReferenceManifest> {
  const manifests = new Map<string, ClientReferenceManifest>();
  for (const line of source.split("\n")) {
    const match = MANIFEST_LINE.exec(line.trim());
    if (!match) continue;
    const page = JSON.parse(match[1]!) as string;
    const value = JSON.parse(match[2]!) as { clientModules?: unknown };
    if (typeof value.clientModules !== "object" || value.clientModules === null)
      throw new Error(`the manifest of ${page} has no clientModules`);
    const clientModules: ClientReferenceManifest["clientModules"] = {};
    for (const [id, module] of Object.entries(value.clientModules)) {
      const chunks = (module as { chunks?: unknown }).chunks;
      if (!Array.isArray(chunks) || !chunks.every((c) => typeof c === "string"))
        throw new Error(`clientModules["${id}"] of ${page} has no list of chunks`);
      clientModules[id] = { chunks };
    }
    manifests.set(page, { clientModules });
  }
  if (manifests.size === 0) throw new Error("no client reference manifest in the file (has Next's output format changed?)");
  return manifests;
}

/** `/_next/static/chunks/a.js` and `static/chunks/a.js` both as `static/chunks/a.js`. */
export const chunkName = (file: string): string => file.replace(/^\/?_next\//, "").replace(/^\//, "");

const unique = (files: Iterable<string>) => [...new Set([...files].map(chunkName))].sort();

/**
 * The JS a page loads first by the build manifests: the framework's root chunks (`rootMainFiles` of
 * `.next/build-manifest.json`) and the chunks of every client module the page's route can render. React names a
 * rendered client module's chunks in the HTML, one list per module and page as the manifest has it (its
 * `entryJSFiles`, per layout and boundary, also name chunks whose modules the page loads from another chunk). The
 * `noModule` polyfills, which current browsers skip, are not among them.
 */
export function manifestChunks(rootMainFiles: readonly string[], manifest: ClientReferenceManifest): string[] {
  return unique([...rootMainFiles, ...Object.values(manifest.clientModules).flatMap((m) => m.chunks)]);
}

const SCRIPT_TAG = /<script\b([^>]*)>/gi;
const attribute = (attributes: string, name: string) =>
  new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, "i").exec(attributes);

/** The chunks a page's HTML loads with `<script src="/_next/static/…">`, leaving out `noModule` scripts. */
export function htmlChunks(html: string): string[] {
  const chunks: string[] = [];
  for (const [, attributes = ""] of html.matchAll(SCRIPT_TAG)) {
    const src = attribute(attributes, "src");
    const value = src?.[1] ?? src?.[2] ?? src?.[3];
    if (!value || !value.startsWith("/_next/static/") || attribute(attributes, "nomodule")) continue;
    chunks.push(value.split("?")[0]!);
  }
  return unique(chunks);
}

export interface PageBundle {
  /** The page's URL pattern, `/jobs/[id]`. */
  route: string;
  chunks: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  overBudget: boolean;
}

/** A page's chunks with their gzipped sizes, largest first, and their sum against the budget. */
export function pageBundle(
  route: string,
  chunks: readonly string[],
  gzipBytesOf: (file: string) => number,
  budgetBytes = FIRST_LOAD_BUDGET_BYTES,
): PageBundle {
  const sized = unique(chunks)
    .map((file) => ({ file, gzipBytes: gzipBytesOf(file) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes || a.file.localeCompare(b.file));
  const gzipBytes = sized.reduce((sum, c) => sum + c.gzipBytes, 0);
  return { route, chunks: sized, gzipBytes, overBudget: gzipBytes > budgetBytes };
}

export interface SharedChunk {
  file: string;
  gzipBytes: number;
  /** The routes whose first load includes it. */
  routes: string[];
}

/** Every chunk of any page's first load, largest first, with the pages that load it. */
export function chunkUse(pages: readonly PageBundle[]): SharedChunk[] {
  const byFile = new Map<string, SharedChunk>();
  for (const page of pages)
    for (const { file, gzipBytes } of page.chunks) {
      const chunk = byFile.get(file) ?? { file, gzipBytes, routes: [] };
      chunk.routes.push(page.route);
      byFile.set(file, chunk);
    }
  return [...byFile.values()].sort((a, b) => b.gzipBytes - a.gzipBytes || a.file.localeCompare(b.file));
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function table(headers: string[], rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/**
 * A table of pages (first-load kB against the budget) and one of the chunks: size, how many pages load it, and
 * the pages when not all do — the chunks that make one page heavier than the rest.
 */
export function renderBundles(pages: readonly PageBundle[], budgetBytes = FIRST_LOAD_BUDGET_BYTES): string {
  const pageRows = pages.map((p) => [
    p.route,
    String(p.chunks.length),
    kB(p.gzipBytes),
    p.overBudget ? `over by ${kB(p.gzipBytes - budgetBytes)}` : "ok",
  ]);
  const loadedBy = (routes: readonly string[]) => {
    if (routes.length === pages.length) return "all";
    if (routes.length <= pages.length / 2) return routes.join(" ");
    return `all but ${pages.filter((p) => !routes.includes(p.route)).map((p) => p.route).join(" ")}`;
  };
  const chunkRows = chunkUse(pages).map((c) => [c.file.replace(/^static\/chunks\//, ""), kB(c.gzipBytes), `${c.routes.length}/${pages.length}`, loadedBy(c.routes)]);
  return [
    `First-load JS per page, gzip level ${GZIP_LEVEL}, budget ${kB(budgetBytes)} kB`,
    table(["page", "chunks", "kB", "budget"], pageRows, new Set([1, 2])),
    "",
    "Chunks (static/chunks/)",
    table(["chunk", "kB", "pages", "loaded by"], chunkRows, new Set([1, 2])),
  ].join("\n");
}
