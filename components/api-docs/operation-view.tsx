import type { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Th, theadClass } from "@/components/ui/table";
import type { Access, ReferenceContent, ReferenceOperation } from "@/lib/openapi/reference";
import { docTableClass, SchemaView, type ApiDocsT } from "./schema-view";

// One operation of the reference: method and path, who may call it, parameters, request body, answers and examples.

type CommonT = Awaited<ReturnType<typeof getTranslations>>;

export const operationAnchor = (id: string) => `op-${id}`;
/** A tag's section: an ID without spaces ("API tokens" → `tag-api-tokens`), so `aria-labelledby` names one element. */
export const tagAnchor = (name: string) => `tag-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
export const errorAnchor = (name: string) => `error-${name}`;

const METHOD_TONES: Record<string, BadgeTone> = {
  GET: "info",
  POST: "success",
  PUT: "warning",
  PATCH: "warning",
  DELETE: "danger",
};

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
          {/* Focusable, so that a long example scrolls sideways from the keyboard too. */}
          <pre
            tabIndex={0}
            aria-label={e.summary ?? e.name}
            className="overflow-x-auto rounded bg-slate-100 p-2 text-xs focus-visible:outline-2 focus-visible:outline-blue-600 dark:bg-slate-800"
            lang="en"
          >
            <code>{JSON.stringify(e.value, null, 2)}</code>
          </pre>
        </figure>
      ))}
    </div>
  );
}

/** One answer in a description list: its status (or name), what it means, its content. */
export function Answer({
  id,
  label,
  description,
  content,
  t,
  name,
}: {
  id?: string;
  label: string;
  description: string;
  content?: ReferenceContent;
  t: ApiDocsT;
  name: string;
}) {
  return (
    <div id={id} className="border-t border-slate-100 pt-2 first:border-t-0 first:pt-0 dark:border-slate-800">
      <dt className="font-mono text-sm font-semibold">{label}</dt>
      <dd className="space-y-1">
        <p className="text-sm" lang="en">
          {description}
        </p>
        {content ? <Content content={content} t={t} name={name} /> : null}
      </dd>
    </div>
  );
}

function Content({ content, t, name }: { content: ReferenceContent; t: ApiDocsT; name: string }) {
  return (
    <div className="text-sm">
      <p className="text-xs text-slate-600 dark:text-slate-300">
        {t("contentType", { type: content.mediaType })}
      </p>
      {content.schema ? <SchemaView schema={content.schema} t={t} name={name} /> : null}
      <Examples content={content} t={t} />
    </div>
  );
}

export function OperationView({ op, t, common }: { op: ReferenceOperation; t: ApiDocsT; common: CommonT }) {
  const titleId = operationAnchor(op.id);
  const errors = op.responses.filter((r) => r.shared);
  return (
    <article
      aria-labelledby={titleId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h3 id={titleId} className="text-base font-semibold" lang="en">
        {op.summary}
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-2">
        <Badge tone={METHOD_TONES[op.method] ?? "neutral"}>{op.method}</Badge>{" "}
        <code className="font-mono text-sm">{op.path}</code>
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
          <div className="relative overflow-x-auto rounded border border-slate-200 dark:border-slate-700">
            <table className={docTableClass}>
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
                  <tr key={`${p.in}:${p.name}`}>
                    <td>{p.name}</td>
                    <td className="font-mono text-xs">{p.in}</td>
                    <td>
                      <SchemaView schema={p.schema} t={t} name={p.name} />
                    </td>
                    <td>{p.required ? t("yes") : t("no")}</td>
                    <td className="text-xs" lang="en">
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
          {op.responses
            .filter((r) => !r.shared)
            .map((r) => (
              <Answer
                key={r.status}
                label={r.status}
                description={r.description}
                content={r.content}
                t={t}
                name={`${op.summary} ${r.status}`}
              />
            ))}
        </dl>
        {errors.length > 0 ? (
          <p className="mt-2 text-sm">
            {t("errorList")}{" "}
            {errors.map((r, i) => (
              <span key={r.status}>
                {i > 0 ? ", " : null}
                <a href={`#${errorAnchor(r.shared!)}`} className="text-blue-700 underline dark:text-blue-300">
                  {r.status} {r.shared}
                </a>
              </span>
            ))}
          </p>
        ) : null}
      </section>
    </article>
  );
}
