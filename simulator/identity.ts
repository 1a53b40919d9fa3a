import { stableHexId } from "./regions";

export interface AccessKeyPair {
  ak: string;
  sk: string;
}

export interface IamUserInput {
  /** Account (domain) name. */
  domain: string;
  name: string;
  password: string;
}

export interface IamUser extends IamUserInput {
  id: string;
  domainId: string;
}

/** Documented demo credentials; never valid anywhere but on the simulator. */
export const DEMO_CREDENTIALS: AccessKeyPair = {
  ak: "SIMDEMOACCESSKEY0001",
  sk: "simDemoSecretKey0000000000000000000000001",
};

export const DEMO_IAM_USER: IamUserInput = {
  domain: "sim-demo-account",
  name: "sim-demo-user",
  password: "sim-demo-password",
};

export function toIamUser(input: IamUserInput): IamUser {
  return { ...input, id: stableHexId(`user/${input.domain}/${input.name}`), domainId: domainIdOf(input.domain) };
}

export const domainIdOf = (domain: string) => stableHexId(`domain/${domain}`);

/** Who a verified request acts as. */
export interface Caller {
  user: IamUser;
  via: "aksk" | "token";
}
