import type { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Th, theadClass } from "@/components/ui/table";
import type { JsonSchema } from "@/lib/openapi/json-schema";
import { schemaRefName } from "@/lib/openapi/reference";

// A JSON Schema of the API document as a person reads it: types, rules, and a table per object. English names stay as the
// API has them; only the words around them come from the catalog.

export type ApiDocsT = Awaited<ReturnType<typeof getTranslations<"apiDocs">>>;

export const schemaAnchor = (name: string) => `schema-${name}`;

/** Cell styles set once on the table rather than on each of a long reference's many cells, so the page stays small. */
export const docTableClass =
  "w-full text-left text-sm [&_code]:text-xs [&_td]:px-2 [&_td]:py-1 [&_td]:align-top [&_td:first-child]:font-mono [&_td:first-child]:text-xs [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-100 dark:[&_tbody_tr]:border-slate-800";

const RULES = [
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "minItems",
  "maxItems",
  "format",
  "pattern",
] as const;

const asSchema = (v: unknown): JsonSchema | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as JsonSchema) : null;
const show = (v: unknown) => JSON.stringify(v);

/** The rules of one schema (length, range, pattern, enum, default) as short phrases. */
function rulesOf(schema: JsonSchema, t: ApiDocsT): string[] {
  const rules: string[] = [];
  if (Array.isArray(schema.enum)) rules.push(t("rules.enum", { values: schema.enum.map(show).join(", ") }));
  if (schema.const !== undefined) rules.push(t("rules.const", { value: show(schema.const) }));
  for (const rule of RULES) {
    const value = schema[rule];
    if (value === undefined) continue;
    if (rule === "pattern") rules.push(t("rules.pattern", { pattern: String(value) }));
    else if (rule === "format") rules.push(t("rules.format", { format: String(value) }));
    else rules.push(t(`rules.${rule}`, { n: Number(value) }));
  }
  if (schema.default !== undefined) rules.push(t("rules.default", { value: show(schema.default) }));
  if (schema.additionalProperties === false && schema.properties) rules.push(t("noOtherProperties"));
  return rules;
}

function Rules({ schema, t }: { schema: JsonSchema; t: ApiDocsT }) {
  const rules = rulesOf(schema, t);
  return rules.length === 0 ? null : (
    <small className="block text-slate-600 dark:text-slate-300">{rules.join("; ")}</small>
  );
}

function TypeName({ children }: { children: ReactNode }) {
  return <code>{children}</code>;
}

/** One schema inline: a link for a named schema, a type with its rules, a property table for an object. */
export function SchemaView({
  schema,
  t,
  name,
}: {
  schema: JsonSchema;
  t: ApiDocsT;
  name?: string;
}): ReactNode {
  const refName = schemaRefName(schema);
  if (refName) {
    return (
      <a
        href={`#${schemaAnchor(refName)}`}
        className="font-mono text-xs text-blue-700 underline dark:text-blue-300"
      >
        {refName}
      </a>
    );
  }
  const variants = Array.isArray(schema.anyOf)
    ? schema.anyOf.map(asSchema).filter((s): s is JsonSchema => s !== null)
    : null;
  if (variants) {
    const nonNull = variants.filter((v) => v.type !== "null");
    if (nonNull.length === 1 && variants.length === 2) {
      return (
        <span>
          <SchemaView schema={nonNull[0]!} t={t} name={name} /> {t("orNull")}
        </span>
      );
    }
    return (
      <span>
        {t("oneOf")}
        <ul className="ml-4 list-disc">
          {variants.map((v, i) => (
            <li key={i}>
              {/* Each form is named on its own, so two property tables never share one name. */}
              <SchemaView schema={v} t={t} name={name === undefined ? undefined : t("formOf", { name, n: i + 1, count: variants.length })} />
            </li>
          ))}
        </ul>
      </span>
    );
  }
  const items = asSchema(schema.items);
  if (schema.type === "array" && items) {
    return (
      <span>
        {t("listOf")} <SchemaView schema={items} t={t} name={name} />
        <Rules schema={schema} t={t} />
      </span>
    );
  }
  const properties = asSchema(schema.properties);
  if (schema.type === "object" && properties && Object.keys(properties).length > 0) {
    return <PropertyTable schema={schema} properties={properties} t={t} name={name ?? "object"} />;
  }
  const values = asSchema(schema.additionalProperties);
  if (schema.type === "object" && values) {
    return (
      <span>
        {t("mapOf")} <SchemaView schema={values} t={t} name={name} />
      </span>
    );
  }
  if (schema.type === undefined) return <span>{t("anyValue")}</span>;
  return (
    <span>
      <TypeName>{String(schema.type)}</TypeName>
      <Rules schema={schema} t={t} />
    </span>
  );
}

function PropertyTable({
  schema,
  properties,
  t,
  name,
}: {
  schema: JsonSchema;
  properties: JsonSchema;
  t: ApiDocsT;
  name: string;
}) {
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return (
    <div className="relative my-1 overflow-x-auto rounded border border-slate-200 dark:border-slate-700">
      <table className={docTableClass} lang="en">
        <caption className="sr-only">{t("propertiesOf", { name })}</caption>
        <thead className={theadClass}>
          <tr>
            <Th>{t("property")}</Th>
            <Th>{t("type")}</Th>
            <Th>{t("required")}</Th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(properties).map(([key, value]) => {
            const child = asSchema(value) ?? {};
            return (
              <tr key={key}>
                <td>{key}</td>
                <td>
                  <SchemaView schema={child} t={t} name={`${name}.${key}`} />
                </td>
                <td>{required.has(key) ? t("yes") : t("no")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <span className="px-2 pb-1">
        <Rules
          schema={{ additionalProperties: schema.additionalProperties, properties: schema.properties }}
          t={t}
        />
      </span>
    </div>
  );
}
