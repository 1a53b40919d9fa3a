// The jobs API's limits: free of zod, so the sync forms check a request with the API's own numbers (the schemas in
// schemas.ts use these too) without shipping zod to the browser.

/** The most tags one job can hold; SYNC_MAX_TAGS_PER_JOB may lower it on a server. */
export const MAX_TAGS_PER_JOB = 50_000;
/** Targets one job may have; repositories one job may span. */
export const MAX_TARGETS_PER_JOB = 10;
export const MAX_REPOSITORIES_PER_JOB = 1000;

/** The longest task error code a history filter takes. */
export const MAX_FAILURE_CODE_LENGTH = 128;
