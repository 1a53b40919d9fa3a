import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Content, operationAnchor, OperationView } from "@/components/api-docs/operation-view";
import { schemaAnchor, SchemaView } from "@/components/api-docs/schema-view";
import { openApiDocument } from "@/lib/openapi/document";
import { apiReference } from "@/lib/openapi/reference";

// The API reference for any signed-in user (the dashboard layout asks for a session): the document GET /api/openapi.json sends, as a page.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

const linkClass = "text-blue-700 underline dark:text-blue-300";
const sectionClass = "space-y-3";

export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const common = await getTranslations();
  const reference = apiReference(openApiDocument());
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
        <p className="text-sm">
          <a href="/api/openapi.json" className={linkClass}>
            {t("download")}
          </a>{" "}
          <span className="text-slate-600 dark:text-slate-300">{t("downloadHint")}</span>
        </p>
      </header>

      <nav aria-label={t("contents")} className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900">
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {reference.tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#tag-${tag.name}`} className={`font-semibold ${linkClass}`} lang="en">
                {tag.name}
              </a>
              <ul className="mt-1 space-y-0.5">
                {tag.operations.map((op) => (
                  <li key={op.id}>
                    <a href={`#${operationAnchor(op.id)}`} className={linkClass}>
                      <span className="font-mono text-xs">{op.method}</span> <span lang="en">{op.summary}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="authentication" className={sectionClass}>
        <h2 id="authentication" className="text-xl font-semibold">
          {t("authentication")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("authenticationIntro")}</p>
        <dl className="space-y-2 text-sm">
          {reference.securitySchemes.map((s) => (
            <div key={s.name}>
              <dt className="font-mono font-semibold">{s.name}</dt>
              <dd lang="en">{s.description}</dd>
            </div>
          ))}
        </dl>
      </section>

      {reference.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className={sectionClass}>
          <h2 id={`tag-${tag.name}`} className="text-xl font-semibold" lang="en">
            {tag.name}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300" lang="en">
            {tag.description}
          </p>
          {tag.operations.map((op) => (
            <OperationView key={op.id} op={op} t={t} common={common} />
          ))}
        </section>
      ))}

      <section aria-labelledby="errors" className={sectionClass}>
        <h2 id="errors" className="text-xl font-semibold">
          {t("errors")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("errorsIntro")}</p>
        <dl className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
          {reference.errors.map((e) => (
            <div key={e.name} className="border-t border-slate-100 pt-2 first:border-t-0 first:pt-0 dark:border-slate-800">
              <dt className="font-mono text-sm font-semibold">{e.name}</dt>
              <dd className="space-y-1">
                <p className="text-sm" lang="en">
                  {e.description}
                </p>
                {e.content ? <Content content={e.content} t={t} name={e.name} /> : null}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="schemas" className={sectionClass}>
        <h2 id="schemas" className="text-xl font-semibold">
          {t("schemas")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("schemasIntro")}</p>
        {reference.schemas.map(({ name, schema }) => (
          <section key={name} aria-labelledby={schemaAnchor(name)} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
            <h3 id={schemaAnchor(name)} className="mb-2 font-mono text-base font-semibold" lang="en">
              {name}
            </h3>
            <SchemaView schema={schema} t={t} name={name} />
          </section>
        ))}
      </section>
    </>
  );
}
