import picomatch from "picomatch";

// Glob patterns over tag names, as `tagSelector.pattern` takes them: one compiler for the server, which
// decides what a job holds, and the browser, which ticks the rows a pattern covers. Pure. (Its syntax: pattern.ts.)

/** The pattern as a regular expression; throws when it is not a usable glob (e.g. an unclosed `[`). */
export function compileTagPattern(pattern: string): RegExp {
  return picomatch.makeRe(pattern, { dot: true, strictBrackets: true, nonegate: false });
}

/** Whether a tag matches `pattern`; a pattern that is not a usable glob matches nothing. */
export function tagPatternMatcher(pattern: string): (tag: string) => boolean {
  try {
    const re = compileTagPattern(pattern);
    return (tag) => re.test(tag);
  } catch {
    return () => false;
  }
}
