// The browse API's sort keys and page sizes: free of zod, so the browser's tables and URL readers use the API's own
// lists (browse.ts builds the schemas from them) without shipping zod to the browser.

export const REPOSITORY_SORTS = ["updated", "name", "tags"] as const;
export const TAG_SORTS = ["updated", "name"] as const;
export const SORT_ORDERS = ["asc", "desc"] as const;
export const REPOSITORY_PAGE_SIZES = [10, 20, 50, 100] as const;
export const TAG_PAGE_SIZES = [50, 100, 200, 500] as const;
export const MAX_REPOSITORY_PAGE_SIZE = 100;
export const MAX_TAG_PAGE_SIZE = 500;
/** The highest page number a list takes. */
export const MAX_PAGE = 1_000_000;
