/** Cache-Control of an API answer: no-store, and no-transform as well on a JSON answer under 1 KiB (lib/http/compression.ts). */
export const NO_STORE = /^no-store(, no-transform)?$/;
