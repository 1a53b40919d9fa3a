import { auditPageSchema } from "@/lib/db/audit-dto";
import { revokeSessionsAnswerSchema, userAnswerSchema, usersAnswerSchema } from "@/lib/users/dto";
import { updateUserSchema, userIdParamsSchema } from "@/lib/users/schemas";
import { auditQuerySchema } from "@/lib/validation/audit";
import { UPDATE_USER_EXAMPLES } from "../examples";
import type { Operation } from "../operation";

// The admins' API: users and their sessions (docs/api.md "Users"), the audit log.

export const ADMIN_OPERATIONS: Operation[] = [
  {
    id: "listUsers",
    method: "get",
    path: "/api/users",
    summary: "List users",
    tag: "Users",
    access: "admin",
    responses: [
      {
        status: 200,
        description: "Every account, by email.",
        json: { schema: usersAnswerSchema, name: "UsersAnswer" },
      },
    ],
  },
  {
    id: "updateUser",
    method: "patch",
    path: "/api/users/{id}",
    summary: "Change a user's role or status",
    description:
      "Change the role, or disable or enable the account; disabling ends its sessions. Admins cannot demote or disable themselves (409).",
    tag: "Users",
    access: "admin",
    params: userIdParamsSchema,
    body: { schema: updateUserSchema, name: "UpdateUserRequest", examples: UPDATE_USER_EXAMPLES },
    notes: { id: "The user's ID." },
    responses: [
      {
        status: 200,
        description: "The account as stored after the change.",
        json: { schema: userAnswerSchema, name: "UserAnswer" },
      },
    ],
    errors: [404, 409],
  },
  {
    id: "revokeUserSessions",
    method: "post",
    path: "/api/users/{id}/sessions/revoke",
    summary: "End every session of a user",
    description: "Every browser of the user is signed out at its next request.",
    tag: "Users",
    access: "admin",
    params: userIdParamsSchema,
    notes: { id: "The user's ID." },
    responses: [
      {
        status: 200,
        description: "How many live sessions were ended.",
        json: { schema: revokeSessionsAnswerSchema, name: "RevokeSessionsAnswer" },
      },
    ],
    errors: [404],
  },

  {
    id: "listAuditEvents",
    method: "get",
    path: "/api/audit",
    summary: "List audit events",
    description: "The audit log, newest first, paged by cursor.",
    tag: "Audit",
    access: "admin",
    query: auditQuerySchema,
    notes: { cursor: "`nextCursor` of the previous page; a cursor this API did not hand out answers 400." },
    responses: [
      {
        status: 200,
        description: "One page of events.",
        json: { schema: auditPageSchema, name: "AuditPage" },
      },
    ],
  },
];
