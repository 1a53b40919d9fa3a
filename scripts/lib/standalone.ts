// The standalone server (`output: "standalone"`) as Next's docs ship it: `next build` leaves the built assets
// and public/ out of .next/standalone, so they are copied in before the server runs.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

/** Copies .next/static (and public/, if any) into the standalone folder; returns the path of its server.js. */
export function prepareStandalone(root = ROOT): string {
  const standalone = path.join(root, ".next", "standalone");
  const server = path.join(standalone, "server.js");
  if (!fs.existsSync(server)) throw new Error(`${path.relative(root, server)} is missing: run \`npm run build\` first`);
  fs.cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true, force: true });
  const pub = path.join(root, "public");
  if (fs.existsSync(pub)) fs.cpSync(pub, path.join(standalone, "public"), { recursive: true, force: true });
  return server;
}

if (require.main === module) {
  console.log(`standalone server ready: node ${path.relative(process.cwd(), prepareStandalone())}`);
}
