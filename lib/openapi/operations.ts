import type { Operation } from "./operation";
import { ADMIN_OPERATIONS } from "./operations/admin";
import { BROWSE_OPERATIONS } from "./operations/browse";
import { COMPARE_OPERATIONS } from "./operations/compare";
import { JOB_OPERATIONS } from "./operations/jobs";
import { RULE_OPERATIONS } from "./operations/rules";
import { PROFILE_OPERATIONS } from "./operations/profile";
import { SERVICE_OPERATIONS } from "./operations/service";
import { TOKEN_OPERATIONS } from "./operations/tokens";
import { WEBHOOK_OPERATIONS } from "./operations/webhooks";

// Every operation of the API, once, one file per area under operations/: a route handler without an entry fails
// lib/openapi/routes.test.ts. Schemas are the ones the route passes to route() and the DTOs it answers with, so the
// document cannot drift from them.

export const OPERATIONS: Operation[] = [
  ...JOB_OPERATIONS,
  ...BROWSE_OPERATIONS,
  ...COMPARE_OPERATIONS,
  ...RULE_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...TOKEN_OPERATIONS,
  ...PROFILE_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
  ...SERVICE_OPERATIONS,
];

/** Route folders under app/api that are not ours to document, with the reason. */
export const UNDOCUMENTED_ROUTES: Record<string, string> = {
  "/api/[...path]": "not an operation: the 404 in the error shape for any address under /api that no route serves.",
  "/api/auth/[...nextauth]":
    "next-auth's own sign-in, CSRF, session and sign-out endpoints (HTML forms, their contract is next-auth's); scripts use a personal API token instead.",
};
