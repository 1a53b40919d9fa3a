// First-load JS of every page of the production build in `.next`, from Next's build manifests (`--only bundle`).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { z } from "zod";
import {
  FIRST_LOAD_BUDGET_BYTES,
  GZIP_LEVEL,
  manifestChunks,
  pageBundle,
  parseClientReferenceManifests,
  type PageBundle,
} from "./bundle-figures";

const buildManifestSchema = z.object({ rootMainFiles: z.array(z.string()).min(1) });
/** App Router entries (`/(dashboard)/jobs/[id]/page`) → URL patterns (`/jobs/[id]`). */
const appPathRoutesSchema = z.record(z.string(), z.string());

export interface BuildPage {
  /** The URL pattern, `/jobs/[id]`. */
  route: string;
  /** The App Router entry, `/(dashboard)/jobs/[id]/page`. */
  entry: string;
  /** The chunks its first load takes, by the manifests. */
  chunks: string[];
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, "utf8"));

/** Every page of the App Router in `<root>/.next` (route handlers left out) with the chunks the manifests give it. */
export function buildPages(root: string): BuildPage[] {
  const dist = path.join(root, ".next");
  if (!fs.existsSync(path.join(dist, "BUILD_ID"))) throw new Error(`no production build in ${dist}: run \`npx next build\``);
  const { rootMainFiles } = buildManifestSchema.parse(readJson(path.join(dist, "build-manifest.json")));
  const routes = appPathRoutesSchema.parse(readJson(path.join(dist, "app-path-routes-manifest.json")));
  return Object.entries(routes)
    .filter(([entry]) => entry.endsWith("/page"))
    .map(([entry, route]) => {
      const file = path.join(dist, "server", "app", `${entry}_client-reference-manifest.js`);
      const manifest = parseClientReferenceManifests(fs.readFileSync(file, "utf8")).get(entry);
      if (!manifest) throw new Error(`${path.relative(root, file)} has no manifest for ${entry}`);
      return { route, entry, chunks: manifestChunks(rootMainFiles, manifest) };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Gzipped sizes of the build's static files (`static/chunks/a.js`), each compressed once. */
export function gzipSizer(root: string): (file: string) => number {
  const sizes = new Map<string, number>();
  return (file) => {
    let size = sizes.get(file);
    if (size === undefined) {
      const bytes = fs.readFileSync(path.join(root, ".next", file));
      size = zlib.gzipSync(bytes, { level: GZIP_LEVEL }).length;
      sizes.set(file, size);
    }
    return size;
  };
}

export interface BundleReport {
  budgetBytes: number;
  gzipLevel: number;
  pages: PageBundle[];
}

/** First-load JS of every page of the build in `<root>/.next`. */
export function bundleReport(root: string, budgetBytes = FIRST_LOAD_BUDGET_BYTES): BundleReport {
  const sizeOf = gzipSizer(root);
  const pages = buildPages(root).map((p) => pageBundle(p.route, p.chunks, sizeOf, budgetBytes));
  return { budgetBytes, gzipLevel: GZIP_LEVEL, pages };
}
