// Import rules for lib/, app/ and components/, checked by `npm run lint` (depcruise lib app components).

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "A file must not reach itself through its imports: lib/ stacks one way (e.g. sync → jobs → db → swr).",
      from: { path: "^(lib|app|components)/" },
      to: { circular: true },
    },
    {
      name: "no-test-harness-in-app-code",
      severity: "error",
      comment: "test/ holds harnesses for tests; only *.test.ts(x) files may import them.",
      from: { path: "^(lib|app|components)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^test/" },
    },
    {
      name: "lib-stays-below-ui",
      severity: "error",
      comment: "lib/ serves routes and components; it never imports them.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve would hide the edges these rules check.",
      from: { path: "^(lib|app|components)/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^prisma/generated/"] },
    // Type-only imports count: a cycle through types is still two files that cannot be understood apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
    },
    skipAnalysisNotInRules: true,
    cache: false,
  },
};
