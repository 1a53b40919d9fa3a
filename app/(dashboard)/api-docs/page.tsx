import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import {
  Answer,
  errorAnchor,
  operationAnchor,
  OperationView,
  tagAnchor,
} from "@/components/api-docs/operation-view";
import { schemaAnchor, SchemaView } from "@/components/api-docs/schema-view";
import { openApiDocument } from "@/lib/openapi/document";
import { apiReference } from "@/lib/openapi/reference";

// The API reference for any signed-in user (the dashboard layout asks for a session): the document GET /api/openapi.json sends, as a page.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

const linkClass = "text-blue-700 underline dark:text-blue-300";

/** A part of the page: a level-2 heading, a line about it, its content. `lang` marks headings that are the API's own English. */
function DocSection({
  id,
  title,
  intro,
  lang,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  lang?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold" lang={lang}>
        {title}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300" lang={lang}>
        {intro}
      </p>
      {children}
    </section>
  );
}

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

      <nav
        aria-label={t("contents")}
        className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {reference.tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#${tagAnchor(tag.name)}`} className={`font-semibold ${linkClass}`} lang="en">
                {tag.name}
              </a>
              <ul className="mt-1 space-y-0.5">
                {tag.operations.map((op) => (
                  <li key={op.id}>
                    <a href={`#${operationAnchor(op.id)}`} className={linkClass}>
                      <span className="font-mono text-xs">{op.method}</span>{" "}
                      <span lang="en">{op.summary}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>

      <DocSection id="authentication" title={t("authentication")} intro={t("authenticationIntro")}>
        <dl className="space-y-2 text-sm">
          {reference.securitySchemes.map((s) => (
            <div key={s.name}>
              <dt className="font-mono font-semibold">{s.name}</dt>
              <dd lang="en">{s.description}</dd>
            </div>
          ))}
        </dl>
      </DocSection>

      {reference.tags.map((tag) => (
        <DocSection
          key={tag.name}
          id={tagAnchor(tag.name)}
          title={tag.name}
          intro={tag.description}
          lang="en"
        >
          {tag.operations.map((op) => (
            <OperationView key={op.id} op={op} t={t} common={common} />
          ))}
        </DocSection>
      ))}

      <DocSection id="errors" title={t("errors")} intro={t("errorsIntro")}>
        <dl className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
          {reference.errors.map((e) => (
            <Answer
              key={e.name}
              id={errorAnchor(e.name)}
              label={e.name}
              description={e.description}
              content={e.content}
              t={t}
              name={e.name}
            />
          ))}
        </dl>
      </DocSection>

      <DocSection id="schemas" title={t("schemas")} intro={t("schemasIntro")}>
        {reference.schemas.map(({ name, schema }) => (
          <section
            key={name}
            aria-labelledby={schemaAnchor(name)}
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <h3 id={schemaAnchor(name)} className="mb-2 font-mono text-base font-semibold" lang="en">
              {name}
            </h3>
            <SchemaView schema={schema} t={t} name={name} />
          </section>
        ))}
      </DocSection>
    </>
  );
}
