import { createHash } from "node:crypto";

const sha256Hex = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const hashInt = (label: string, modulo: number) => Number.parseInt(sha256Hex(label).slice(0, 12), 16) % modulo;

const MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
const CONFIG_V1 = "application/vnd.docker.container.image.v1+json";
const LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";

export const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

/** What a tag carries about its image; identical wherever the same image is pushed or synced. */
export interface ImageContent {
  manifest: string;
  digest: string;
  image_id: string;
  size: number;
  schema: number;
  tag_type: number;
}

/**
 * A deterministic Docker v2 image for a label such as `nginx:1.25.3`: the same label always gives the
 * same manifest, and the digest is the SHA-256 of that manifest, as in a real registry.
 */
export function buildImage(label: string): ImageContent {
  const configDigest = sha256Hex(`config/${label}`);
  const configSize = 1_200 + hashInt(`config-size/${label}`, 9_000);
  const layerCount = 1 + hashInt(`layers/${label}`, 4);
  const layers = Array.from({ length: layerCount }, (_, i) => ({
    mediaType: LAYER,
    size: 350_000 + hashInt(`layer-size/${label}/${i}`, 48_000_000),
    digest: `sha256:${sha256Hex(`layer/${label}/${i}`)}`,
  }));
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: MANIFEST_V2,
    config: { mediaType: CONFIG_V1, size: configSize, digest: `sha256:${configDigest}` },
    layers,
  });
  return {
    manifest,
    digest: `sha256:${sha256Hex(manifest)}`,
    image_id: configDigest,
    size: configSize + layers.reduce((sum, l) => sum + l.size, 0),
    schema: 2,
    tag_type: 0,
  };
}

/** An RFC 3339 time whose fraction length (1–6 digits) varies with the label, like SWR's output. */
export function seedTime(epochMs: number, label: string): string {
  const digits = 1 + hashInt(`fraction-length/${label}`, 6);
  const fraction = String(1 + hashInt(`fraction/${label}`, 999_999)).padStart(6, "0").slice(0, digits).replace(/0+$/, "");
  return `${new Date(epochMs).toISOString().slice(0, 19)}.${fraction || "5"}Z`;
}

export { hashInt };
