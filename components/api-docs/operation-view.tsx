import type { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cellClass, rowClass, tableClass, Th, theadClass } from "@/components/ui/table";
import type { Access, ReferenceContent, ReferenceOperation } from "@/lib/openapi/reference";
import { SchemaView, type ApiDocsT } from "./schema-view";

// One operation of the reference: method and path, who may call it, parameters, request body, answers and examples.

type CommonT = Awaited<ReturnType<typeof getTranslations>>;

export const operationAnchor = (id: string) => `op-${id}`;

const METHOD_TONES: Record<string, BadgeTone> = { GET: "info", POST: "success", PUT: "warning", PATCH: "warning", DELETE: "danger" };

function accessText(access: Access, t: ApiDocsT, common: CommonT): string {
  if (access.kind === "role") return t("roleNeeded", { role: common(`roles.${access.role}`) });
  return access.kind === "public" ? t("publicAccess") : t("metricsAccess");
}

const h4Class = "mt-4 mb-1 text-sm font-semibold";

function Examples({ content, t }: { content: ReferenceContent; t: ApiDocsT }) {
  if (content.examples.length === 0) return null;
  return (
    <div className="mt-2 space-y-2">
      <p className="text-xs font-medium text-slate-600 dark:text-slate-300">{t("examples")}</p>
      {content.examples.map((e) => (
        <figure key={e.name} className="space-y-1">
          <figcaption className="text-xs" lang="en">
            {e.summary ?? e.name}
          </figcaption>
          <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800" lang="en">
            <code>{JSON.stringify(e.value, null, 2)}</code>
          </pre>
        </figure>
      ))}
    </div>
  );
}

export function Content({ content, t, name }: { content: ReferenceContent; t: ApiDocsT; name: string }) {
  return (
    <div className="text-sm">
      <p className="text-xs text-slate-600 dark:text-slate-300">{t("contentType", { type: content.mediaType })}</p>
      {content.schema ? <SchemaView schema={content.schema} t={t} name={name} /> : null}
      <Examples content={content} t={t} />
    </div>
  );
}

export function OperationView({ op, t, common }: { op: ReferenceOperation; t: ApiDocsT; common: CommonT }) {
  const titleId = operationAnchor(op.id);
  return (
    <article aria-labelledby={titleId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <h3 id={titleId} className="text-base font-semibold" lang="en">
        {op.summary}
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-2">
        <Badge tone={METHOD_TONES[op.method] ?? "neutral"}>{op.method}</Badge> <code className="font-mono text-sm">{op.path}</code>
      </p>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-200">{accessText(op.access, t, common)}</p>
      {op.description ? (
        <div className="mt-2 space-y-1 text-sm text-slate-700 dark:text-slate-200" lang="en">
          {op.description.split("\n\n").map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      ) : null}

      {op.parameters.length > 0 ? (
        <section aria-labelledby={`${titleId}-parameters`}>
          <h4 id={`${titleId}-parameters`} className={h4Class}>
            {t("parameters")}
          </h4>
          <div className="overflow-x-auto rounded border border-slate-200 dark:border-slate-700">
            <table className={tableClass}>
              <caption className="sr-only">{t("parametersOf", { operation: op.summary })}</caption>
              <thead className={theadClass}>
                <tr>
                  <Th>{t("name")}</Th>
                  <Th>{t("location")}</Th>
                  <Th>{t("type")}</Th>
                  <Th>{t("required")}</Th>
                  <Th>{t("description")}</Th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}:${p.name}`} className={rowClass}>
                    <td className={`${cellClass} align-top font-mono text-xs`}>{p.name}</td>
                    <td className={`${cellClass} align-top font-mono text-xs`}>{p.in}</td>
                    <td className={`${cellClass} align-top`}>
                      <SchemaView schema={p.schema} t={t} name={p.name} />
                    </td>
                    <td className={`${cellClass} align-top`}>{p.required ? t("yes") : t("no")}</td>
                    <td className={`${cellClass} align-top text-xs`} lang="en">
                      {p.description ?? ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {op.requestBody ? (
        <section aria-labelledby={`${titleId}-body`}>
          <h4 id={`${titleId}-body`} className={h4Class}>
            {t("requestBody")}
          </h4>
          <Content content={op.requestBody} t={t} name={op.summary} />
        </section>
      ) : null}

      <section aria-labelledby={`${titleId}-responses`}>
        <h4 id={`${titleId}-responses`} className={h4Class}>
          {t("responses")}
        </h4>
        <dl className="space-y-2">
          {op.responses.map((r) => (
            <div key={r.status} className="border-t border-slate-100 pt-2 dark:border-slate-800">
              <dt className="font-mono text-sm font-semibold">{r.status}</dt>
              <dd className="space-y-1">
                <p className="text-sm" lang="en">
                  {r.description}
                </p>
                {r.content ? <Content content={r.content} t={t} name={`${op.summary} ${r.status}`} /> : null}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
