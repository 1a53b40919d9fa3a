// Error bodies in the shapes SWR, its API gateway and IAM answer with (contract §6.1).

export type ErrorBody = Record<string, unknown>;

/** A failed request: thrown by handlers, turned into a response by the server. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.error_msg === "string" ? body.error_msg : `HTTP ${status}`);
  }
}

/** Shape (a): current SWR body with the old `errors[]` alongside. */
export function swrError(status: number, code: string, message: string, headers?: Record<string, string>): SimError {
  return new SimError(
    status,
    {
      errors: [{ errorCode: code, errorMessage: message, detail: "" }],
      error_code: code,
      error_msg: message,
      details: [{ error_code: code, error_msg: "" }],
    },
    headers,
  );
}

/** Shape (d): API-gateway body, used for authentication and throttling. */
export function gatewayError(status: number, code: string, message: string, requestId: string, headers?: Record<string, string>): SimError {
  return new SimError(status, { error_msg: message, error_code: code, request_id: requestId }, headers);
}

const KEYSTONE_TITLES: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found" };

/** Shape (e): Keystone-style IAM body. */
export function keystoneError(status: number, message: string): SimError {
  return new SimError(status, { error: { code: status, message, title: KEYSTONE_TITLES[status] ?? "Error" } });
}

/** SWR codes the simulator answers with; those marked "simulator" are not in the public table (contract §6.3). */
export const CODES = {
  invalidParameter: "SVCSTG.SWR.4000014",
  invalidOrderColumn: "SVCSTG.SWR.4001096",
  syncRuleNotFound: "SVCSTG.SWR.4001158",
  forbidden: "SVCSTG.SWR.4030170",
  repositoryNotFound: "SVCSTG.SWR.4040010",
  /** simulator */
  namespaceNotFound: "SVCSTG.SWR.4040183",
  /** simulator: unknown route, API version or region */
  resourceNotFound: "SVCSTG.SWR.4040184",
  /** simulator */
  methodNotAllowed: "SVCSTG.SWR.4050185",
  /** simulator: duplicate auto-sync rule, or an admin namespace that exists */
  conflict: "SVCSTG.SWR.4090186",
  /** simulator: a sync from or to a region outside SWR's documented sync regions (SWR's own code is not documented) */
  syncRegionUnsupported: "SVCSTG.SWR.4000187",
  internal: "SVCSTG.SWR.5000007",
  gatewayAuth: "APIGW.0301",
  gatewayForbidden: "APIGW.0302",
  gatewayClockSkew: "APIGW.0303",
  gatewayThrottled: "APIGW.0308",
} as const;

export const invalidParameter = (message: string) => swrError(400, CODES.invalidParameter, message);
export const resourceNotFound = (message: string) => swrError(404, CODES.resourceNotFound, message);
export const namespaceNotFound = (namespace: string, region: string) =>
  swrError(404, CODES.namespaceNotFound, `namespace ${namespace} does not exist in region ${region}`);
export const repositoryNotFound = (namespace: string, repository: string, region: string) =>
  swrError(404, CODES.repositoryNotFound, `repository ${namespace}/${repository} does not exist in region ${region}`);
export const methodNotAllowed = (method: string, path: string, allowed: readonly string[]) =>
  swrError(405, CODES.methodNotAllowed, `method ${method} is not allowed on ${path}; allowed: ${allowed.join(", ")}`, { Allow: allowed.join(", ") });
