// npm run bench — prints ratios measured in one run on this machine (absolute numbers drift; ratios are what to compare).
import { performance } from "node:perf_hooks";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials";
import { signRequest } from "@/lib/swr/signing";
import { createSwrClient } from "@/lib/swr/client";
import { startSimulator } from "@/simulator/server";
import { benchSyncPolling } from "./sync-polling";

const AK = "HWEXAMPLEAKID0000001";
const SK = "hwExampleSecretKey0000000000000000000001";
const HOST = "swr-api.cn-north-4.myhuaweicloud.com";
const PATH = "/v2/manage/namespaces/team-a/repos/apps$web/tags";
const QUERY = { limit: "50", offset: "0", order_column: "updated_at", order_type: "desc" };

/** Runs `fn` `n` times (after a warm-up) and returns operations per second. */
async function opsPerSecond(n: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(50, n); i++) await fn();
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return n / ((performance.now() - start) / 1000);
}

const fmt = (n: number) => n.toLocaleString("en", { maximumFractionDigits: 0 });

async function benchSigning() {
  const ours = await opsPerSecond(20_000, () =>
    signRequest({ method: "GET", host: HOST, path: PATH, query: QUERY, headers: { "Content-Type": "application/json" }, ak: AK, sk: SK }),
  );
  const credential = new BasicCredentials().withAk(AK).withSk(SK);
  const sdk = await opsPerSecond(20_000, () =>
    AKSKSigner.sign(
      { endpoint: `https://${HOST}${PATH}`, method: "GET", headers: { "Content-Type": "application/json" }, queryParams: { ...QUERY }, data: undefined } as never,
      credential,
    ),
  );
  console.log(`signing: ours ${fmt(ours)}/s, official SDK ${fmt(sdk)}/s — ratio ours/SDK ${(ours / sdk).toFixed(2)}`);
}

async function benchClientOverhead() {
  const sim = await startSimulator({ port: 0, syncDelayMs: 10 });
  try {
    const client = createSwrClient({
      credentials: { kind: "aksk", ak: sim.credentials.ak, sk: sim.credentials.sk },
      swrEndpointTemplate: sim.endpointTemplate,
      iamEndpointTemplate: sim.endpointTemplate,
    });
    const url = new URL(`${sim.url}/cn-north-4/v2/manage/namespaces`);
    const direct = await opsPerSecond(1_000, async () => {
      const headers = signRequest({ method: "GET", host: url.host, path: url.pathname, headers: { "Content-Type": "application/json" }, ak: sim.credentials.ak, sk: sim.credentials.sk });
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
    });
    const viaClient = await opsPerSecond(1_000, () => client.listNamespaces("cn-north-4"));
    console.log(
      `ListNamespaces against the simulator: bare signed fetch ${fmt(direct)}/s, lib/swr client ${fmt(viaClient)}/s — client overhead ratio ${(direct / viaClient).toFixed(2)}`,
    );
  } finally {
    await sim.close();
  }
}

async function main() {
  await benchSigning();
  await benchClientOverhead();
  await benchSyncPolling();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
