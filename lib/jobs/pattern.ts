// The syntax of `tagSelector.pattern`, free of zod and of the glob compiler (glob.ts): the forms check a pattern with
// the API's own rule (the schema in schemas.ts uses these too), and a search becomes a pattern, without shipping either
// to pages that never match a tag.

export const MAX_PATTERN_LENGTH = 128;
/** Tag characters plus the glob's own: `*`, `?`, `[a-z]`, `{a,b}`, `!` for negation. */
export const TAG_PATTERN_RE = /^[A-Za-z0-9_.\-*?[\]{},!^]+$/;
const GLOB_CHARS = /[*?[\]{},!^]/g;

/** The pattern as `tagSelector.pattern` takes it (at most MAX_PATTERN_LENGTH characters, then trimmed), or null. */
export function tagPatternOf(text: string): string | null {
  if (text.length > MAX_PATTERN_LENGTH) return null;
  const pattern = text.trim();
  return pattern !== "" && TAG_PATTERN_RE.test(pattern) ? pattern : null;
}

/** `*build-049*` for the search "build-049": every tag containing the text, its glob characters taken literally. */
export function searchPattern(q: string): string {
  return `*${q.replace(GLOB_CHARS, (c) => `[${c}]`)}*`;
}
