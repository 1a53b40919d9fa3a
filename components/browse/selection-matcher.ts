"use client";

import { useEffect, useState } from "react";
import type { tagPatternMatcher } from "@/lib/jobs/glob";
import { searchPattern } from "@/lib/jobs/pattern";
import type { SyncSelection } from "./selection";

// Ticking the rows a search or pattern covers needs the server's glob compiler (picomatch, 7 kB gzipped): it loads the
// first time a selection by rule needs it, not with the page.

type Compile = typeof tagPatternMatcher;
let loaded: Compile | undefined;

/** The glob compiler once `needed`; undefined until it has loaded. */
export function useGlobCompiler(needed: boolean): Compile | undefined {
  const [compile, setCompile] = useState<Compile | undefined>(() => loaded);
  useEffect(() => {
    if (!needed || compile) return;
    let live = true;
    void import("@/lib/jobs/glob").then(({ tagPatternMatcher }) => {
      loaded = tagPatternMatcher;
      if (live) setCompile(() => tagPatternMatcher);
    });
    return () => {
      live = false;
    };
  }, [needed, compile]);
  return compile;
}

/** Whether the selection is a rule that needs the glob compiler to tick rows. */
export const needsGlob = (selection: SyncSelection): boolean => selection.kind === "search" || selection.kind === "pattern";

/** Whether a tag on screen is covered by the selection, for ticking its row; a rule ticks nothing until `compile` is there. */
export function selectionMatcher(selection: SyncSelection, compile: Compile | undefined): (tag: string) => boolean {
  switch (selection.kind) {
    case "tags":
      return (tag) => selection.tags.has(tag);
    case "all":
      return () => true;
    case "search":
      return compile ? compile(searchPattern(selection.q)) : () => false;
    case "pattern":
      return compile ? compile(selection.pattern) : () => false;
  }
}
