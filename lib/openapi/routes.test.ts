import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { OPERATIONS, UNDOCUMENTED_ROUTES } from "./operations";
import type { Operation } from "./operation";

// The document against the route files on disk: every exported method of every app/api/**/route.ts has one entry, every
// entry has a route, and where the route uses route() the entry's role and schemas are the very ones the route passes.

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

interface RouteSpecSource {
  role?: string;
  /** Spec property → the imported name and module it comes from, or `inline` for anything else. */
  refs: Partial<
    Record<"params" | "query" | "body" | "maxBodyBytes", { module: string; name: string } | "inline">
  >;
}

interface RouteFile {
  /** `/api/jobs/{id}/cancel` */
  path: string;
  /** `/api/jobs/[id]/cancel`, as the folder names it. */
  folder: string;
  file: string;
  methods: Map<string, RouteSpecSource | null>;
}

function importsOf(source: ts.SourceFile): Map<string, { module: string; name: string }> {
  const imports = new Map<string, { module: string; name: string }>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) {
      imports.set(el.name.text, {
        module: statement.moduleSpecifier.text,
        name: (el.propertyName ?? el.name).text,
      });
    }
  }
  return imports;
}

/** The spec object of `route({ ... }, handler)`, or null when the export is something else. */
function routeSpecOf(
  init: ts.Expression | undefined,
  imports: Map<string, { module: string; name: string }>,
): RouteSpecSource | null {
  if (
    !init ||
    !ts.isCallExpression(init) ||
    !ts.isIdentifier(init.expression) ||
    init.expression.text !== "route"
  )
    return null;
  const spec = init.arguments[0];
  if (!spec || !ts.isObjectLiteralExpression(spec))
    throw new Error("route() is called without an object literal spec");
  const out: RouteSpecSource = { refs: {} };
  for (const prop of spec.properties) {
    if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name)) continue;
    const key = prop.name.text;
    if (key === "role")
      out.role = ts.isStringLiteral(prop.initializer) ? prop.initializer.text : "(not a literal)";
    if (key === "params" || key === "query" || key === "body" || key === "maxBodyBytes") {
      out.refs[key] = (ts.isIdentifier(prop.initializer) && imports.get(prop.initializer.text)) || "inline";
    }
  }
  return out;
}

function readRoute(file: string): RouteFile {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports = importsOf(source);
  const methods = new Map<string, RouteSpecSource | null>();
  const isMethod = (name: string) => (METHODS as readonly string[]).includes(name);
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && isMethod(d.name.text))
          methods.set(d.name.text, routeSpecOf(d.initializer, imports));
      }
    } else if (
      ts.isFunctionDeclaration(statement) &&
      exported(statement) &&
      statement.name &&
      isMethod(statement.name.text)
    ) {
      methods.set(statement.name.text, null);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const el of statement.exportClause.elements)
        if (isMethod(el.name.text)) methods.set(el.name.text, null);
    }
  }
  const folder = `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;
  return { folder, path: folder.replace(/\[([^\].]+)\]/g, "{$1}"), file: path.relative(ROOT, file), methods };
}

const routeFiles = fs
  .readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
  .filter((f) => path.basename(f) === "route.ts")
  .sort()
  .map((f) => readRoute(path.join(API_DIR, f)));

/** The value an import names, loaded the way the route loads it. */
async function resolve(ref: { module: string; name: string }): Promise<unknown> {
  if (!ref.module.startsWith("@/"))
    throw new Error(`${ref.name} comes from ${ref.module}; import route schemas from lib/ with @/`);
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, `${ref.module.slice(2)}.ts`))) as Record<
    string,
    unknown
  >;
  return mod[ref.name];
}

const documented = routeFiles.filter((r) => !(r.folder in UNDOCUMENTED_ROUTES));
const find = (p: string, method: string): Operation | undefined =>
  OPERATIONS.find((op) => op.path === p && op.method === method.toLowerCase());

describe("the API document and the route files", () => {
  it("finds the route files (the scan itself works)", () => {
    expect(routeFiles.map((r) => r.path)).toEqual(
      expect.arrayContaining(["/api/jobs", "/api/jobs/{id}/cancel", "/api/openapi.json"]),
    );
    expect(routeFiles.find((r) => r.path === "/api/jobs")?.methods.has("POST")).toBe(true);
  });

  it("excludes only routes that exist, each with a reason", () => {
    for (const [folder, reason] of Object.entries(UNDOCUMENTED_ROUTES)) {
      expect(
        routeFiles.map((r) => r.folder),
        folder,
      ).toContain(folder);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it.each(documented.flatMap((r) => [...r.methods.keys()].map((m) => [`${m} ${r.path}`, r, m] as const)))(
    "%s has an entry",
    (_, r, method) => {
      expect(
        find(r.path, method),
        `add ${method} ${r.path} (${r.file}) to an operation list under lib/openapi/operations/`,
      ).toBeDefined();
    },
  );

  it("has no entry without a route", () => {
    const served = new Set(
      documented.flatMap((r) => [...r.methods.keys()].map((m) => `${m.toLowerCase()} ${r.path}`)),
    );
    expect(OPERATIONS.map((op) => `${op.method} ${op.path}`).filter((k) => !served.has(k))).toEqual([]);
  });

  const guarded = documented.flatMap((r) =>
    [...r.methods].flatMap(([m, spec]) => (spec ? [[`${m} ${r.path}`, m, r, spec] as const] : [])),
  );

  it.each(guarded)(
    "%s: the entry names the route's role and its very schemas",
    async (_, method, r, spec) => {
      const op = find(r.path, method);
      if (!op) throw new Error(`${method} ${r.path} has no entry`);
      expect(op.access, `role of ${r.file}`).toBe(spec.role);
      for (const key of ["params", "query", "body"] as const) {
        const ref = spec.refs[key];
        expect(
          ref,
          `${r.file} defines its ${key} schema inline: move it to lib/<resource>/schemas.ts`,
        ).not.toBe("inline");
        const documentedSchema = key === "body" ? op.body?.schema : op[key];
        expect(documentedSchema, `${key} of ${method} ${r.path}`).toBe(
          ref ? await resolve(ref as { module: string; name: string }) : undefined,
        );
      }
      const limit = spec.refs.maxBodyBytes;
      expect(op.body?.maxBytes, `maxBodyBytes of ${r.file}`).toBe(
        limit && limit !== "inline" ? await resolve(limit) : undefined,
      );
    },
  );

  it("documents routes without route() as needing no role of the guard", () => {
    const unguarded = documented.flatMap((r) =>
      [...r.methods].filter(([, spec]) => spec === null).map(([m]) => find(r.path, m)),
    );
    for (const op of unguarded) expect(["public", "metricsToken"]).toContain(op?.access);
  });
});
