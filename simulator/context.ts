import type { Query } from "@/lib/swr/signing";
import type { Faults } from "./faults";
import type { Reply } from "./http";
import type { AccessKeyPair, Caller, IamUser } from "./identity";
import type { RegionId } from "./regions";
import type { Stats } from "./stats";
import type { Store } from "./store";
import type { SyncEngine } from "./sync-engine";
import type { Account } from "./wire";

/** Everything one running simulator shares between requests. */
export interface Sim {
  store: Store;
  engine: SyncEngine;
  faults: Faults;
  stats: Stats;
  account: Account;
  users: readonly IamUser[];
  /** The IAM user that AK/SK requests act as. */
  keyOwner: IamUser;
  credentials: readonly AccessKeyPair[];
  tokenTtlMs: number;
  now: () => Date;
  log: (line: string) => void;
}

/** One SWR or IAM request, after routing and authentication. */
export interface OpRequest {
  sim: Sim;
  region: RegionId;
  params: Record<string, string>;
  query: Query;
  body: Buffer;
  /** Undefined only for token issuance, which needs no prior authentication. */
  caller: Caller | undefined;
  /** `http://host:port/{region}` as the client addressed it. */
  baseUrl: string;
  requestId: string;
}

export type OpHandler = (r: OpRequest) => Reply | Promise<Reply>;
