import "server-only";
import { recordAudit, type AuditActor } from "@/lib/db/audit";
import { db, type Db } from "@/lib/db/client";
import { msg } from "@/i18n/message";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Webhook } from "@/prisma/generated/postgres/client";
import { resolveWebhookTarget, WebhookAddressError, type LookupAll } from "./address-guard";
import type { WebhookDto } from "./dto";
import { isLocale } from "@/i18n/config";
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookEvent, type WebhookFormat, type WebhookLanguage } from "./events";
import type { CreateWebhookInput, UpdateWebhookInput } from "./schemas";
import { requireSecretBox, type Sealed, type SecretBox } from "./secret-box";

// The webhooks themselves: list, create, change, delete, each change audited in its own transaction.

export function webhookNotFound(id: string): AppError {
  return new AppError("not_found", msg("errors.webhooks.notFound", { id }));
}

/** The stored event list, keeping only names this version knows. */
export function eventsOf(row: Pick<Webhook, "events">): WebhookEvent[] {
  try {
    const parsed: unknown = JSON.parse(row.events);
    return Array.isArray(parsed) ? WEBHOOK_EVENTS.filter((e) => parsed.includes(e)) : [];
  } catch {
    return [];
  }
}

export function formatOf(row: Pick<Webhook, "format">): WebhookFormat {
  return (WEBHOOK_FORMATS as readonly string[]).includes(row.format) ? (row.format as WebhookFormat) : "generic";
}

export function languageOf(row: Pick<Webhook, "language">): WebhookLanguage {
  return isLocale(row.language) ? row.language : "en";
}

export function sealedSecretOf(row: Webhook): Sealed | null {
  const { secretCiphertext: ciphertext, secretIv: iv, secretTag: tag, secretKeyId: keyId } = row;
  return ciphertext && iv && tag && keyId ? { ciphertext, iv, tag, keyId } : null;
}

export function toWebhookDto(row: Webhook): WebhookDto {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    format: formatOf(row),
    language: languageOf(row),
    events: eventsOf(row),
    enabled: row.enabled,
    secretSet: sealedSecretOf(row) !== null,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Refuses a URL that is not http(s) or reaches a private address, as a field error on `url`. */
export async function checkWebhookUrl(url: string, lookup?: LookupAll): Promise<void> {
  try {
    await resolveWebhookTarget(url, { allowPrivate: env().WEBHOOK_ALLOW_PRIVATE, lookup });
  } catch (error) {
    if (!(error instanceof WebhookAddressError)) throw error;
    throw new AppError("validation_failed", msg("errors.webhooks.urlRefused"), { url: [error.msg] });
  }
}

function sealedColumns(secret: string | null) {
  if (secret === null) return { secretCiphertext: null, secretIv: null, secretTag: null, secretKeyId: null };
  const s = requireSecretBox().seal(secret);
  return { secretCiphertext: s.ciphertext, secretIv: s.iv, secretTag: s.tag, secretKeyId: s.keyId };
}

export async function listWebhooks(): Promise<WebhookDto[]> {
  const rows = await db().webhook.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toWebhookDto);
}

export async function requireWebhook(id: string): Promise<Webhook> {
  const row = await db().webhook.findUnique({ where: { id } });
  if (!row) throw webhookNotFound(id);
  return row;
}

/** What the audit log keeps of a webhook: never its secret, only whether it signs (a key named "secret…" would be dropped). */
function auditView(dto: WebhookDto) {
  return { name: dto.name, url: dto.url, format: dto.format, language: dto.language, events: dto.events, enabled: dto.enabled, signed: dto.secretSet };
}

export async function createWebhook(actor: Required<AuditActor>, input: CreateWebhookInput): Promise<WebhookDto> {
  // Refused without the key even when no secret is given: a webhook may get one later, and rotation needs it set.
  requireSecretBox();
  await checkWebhookUrl(input.url);
  return db().$transaction(async (tx) => {
    const row = await tx.webhook.create({
      data: {
        name: input.name,
        url: input.url,
        format: input.format,
        language: input.language,
        events: JSON.stringify(input.events),
        enabled: input.enabled,
        createdById: actor.id,
        createdByEmail: actor.email,
        ...sealedColumns(input.secret ?? null),
      },
    });
    const dto = toWebhookDto(row);
    await recordAudit({ actor, action: "webhook_create", target: row.id, outcome: "success", detail: auditView(dto) }, tx);
    return dto;
  });
}

export async function updateWebhook(actor: Required<AuditActor>, id: string, patch: UpdateWebhookInput): Promise<WebhookDto> {
  // An unknown webhook is a 404 before any DNS lookup or key is needed.
  await requireWebhook(id);
  if (patch.url !== undefined) await checkWebhookUrl(patch.url);
  const secret = patch.secret === undefined ? {} : sealedColumns(patch.secret);
  return db().$transaction(async (tx) => {
    const before = await tx.webhook.findUnique({ where: { id } });
    if (!before) throw webhookNotFound(id);
    const row = await tx.webhook.update({
      where: { id },
      data: {
        name: patch.name,
        url: patch.url,
        format: patch.format,
        language: patch.language,
        events: patch.events && JSON.stringify(patch.events),
        enabled: patch.enabled,
        ...secret,
      },
    });
    const dto = toWebhookDto(row);
    const detail = { before: auditView(toWebhookDto(before)), after: auditView(dto), ...(patch.secret !== undefined && { signingChanged: true }) };
    await recordAudit({ actor, action: "webhook_update", target: id, outcome: "success", detail }, tx);
    return dto;
  });
}

/** Deletes the webhook and its delivery log; deliveries still queued for it are dropped with it. */
export async function deleteWebhook(actor: Required<AuditActor>, id: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await tx.webhook.findUnique({ where: { id } });
    if (!row) throw webhookNotFound(id);
    await tx.webhook.delete({ where: { id } });
    await recordAudit({ actor, action: "webhook_delete", target: id, outcome: "success", detail: auditView(toWebhookDto(row)) }, tx);
  });
}

/** Seals every secret that an older key sealed under the current one (after a rotation); returns how many. */
export async function resealWebhookSecrets(client: Db, box: SecretBox): Promise<number> {
  const rows = await client.webhook.findMany({ where: { secretKeyId: { not: box.keyId } } });
  let resealed = 0;
  for (const row of rows) {
    const sealed = sealedSecretOf(row);
    if (!sealed) continue;
    const again = box.seal(box.open(sealed));
    const { count } = await client.webhook.updateMany({
      where: { id: row.id, secretKeyId: sealed.keyId },
      data: { secretCiphertext: again.ciphertext, secretIv: again.iv, secretTag: again.tag, secretKeyId: again.keyId },
    });
    resealed += count;
  }
  return resealed;
}
