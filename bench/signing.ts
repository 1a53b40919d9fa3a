// Micro-bench: our SDK-HMAC-SHA256 signer against the official SDK's, in one run (tsx bench/signing.ts, or part of npm run bench).
import path from "node:path";
import { performance } from "node:perf_hooks";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials";
import { signRequest } from "@/lib/swr/signing";

const AK = "HWEXAMPLEAKID0000001";
const SK = "hwExampleSecretKey0000000000000000000001";
const HOST = "swr-api.cn-north-4.myhuaweicloud.com";
const PATH = "/v2/manage/namespaces/team-a/repos/apps$web/tags";
const QUERY = { limit: "50", offset: "0", order_column: "updated_at", order_type: "desc" };
const HEADERS = { "Content-Type": "application/json" };

/** Operations per second of `fn`, after a warm-up; ours and the SDK's alternate in one run so that drift hits both. */
function opsPerSecond(n: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(500, n); i++) fn();
  const start = performance.now();
  for (let i = 0; i < n; i++) fn();
  return n / ((performance.now() - start) / 1000);
}

export interface SigningBench {
  oursPerSecond: number;
  sdkPerSecond: number;
  /** ours ÷ SDK: above 1 means ours is faster. */
  ratio: number;
}

export function benchSigning(n = 20_000, repeats = 3): SigningBench {
  const credential = new BasicCredentials().withAk(AK).withSk(SK);
  const ours = () =>
    signRequest({ method: "GET", host: HOST, path: PATH, query: QUERY, headers: HEADERS, ak: AK, sk: SK });
  // The SDK's request type is internal to it; this literal has the fields its signer reads.
  const sdkRequest = {
    endpoint: `https://${HOST}${PATH}`,
    method: "GET",
    headers: HEADERS,
    queryParams: QUERY,
    data: undefined,
  };
  const sdk = () =>
    AKSKSigner.sign(
      { ...sdkRequest, headers: { ...HEADERS }, queryParams: { ...QUERY } } as never,
      credential,
    );
  const runs: SigningBench[] = [];
  for (let i = 0; i < repeats; i++) {
    const oursPerSecond = opsPerSecond(n, ours);
    const sdkPerSecond = opsPerSecond(n, sdk);
    runs.push({ oursPerSecond, sdkPerSecond, ratio: oursPerSecond / sdkPerSecond });
  }
  return runs.sort((a, b) => a.ratio - b.ratio)[Math.floor(runs.length / 2)]!;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const r = benchSigning();
  console.log(
    `signing: ours ${r.oursPerSecond.toFixed(0)}/s, official SDK ${r.sdkPerSecond.toFixed(0)}/s — ours ÷ SDK ${r.ratio.toFixed(2)}`,
  );
}
