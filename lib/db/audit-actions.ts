// What the audit log records; shared by the data layer and the filters (no server-only: pure names).
export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in_lockout",
  "sync_start",
  "sync_retry",
  "sync_overwrite_kept",
  "sync_cancel",
  "role_change",
  "user_disable",
  "user_enable",
  "sessions_revoke",
  "token_create",
  "token_revoke",
  "token_use_denied",
  "webhook_create",
  "webhook_update",
  "webhook_delete",
  "sync_rule_create",
  "sync_rule_delete",
  "access_denied",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
