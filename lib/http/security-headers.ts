// Security headers of every answer. Pages get theirs from proxy.ts per request (the CSP carries a fresh nonce); API
// routes set theirs in their guard (lib/api/handler.ts), and next.config.ts gives the same to the answers Next makes
// itself under /api (404, 405), so API requests need not pass through the proxy.

export const NONCE_HEADER = "x-nonce";

/** A fresh, unguessable nonce for one page render. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The page policy: scripts only with this request's nonce (and what they load), nothing framed, nothing inline but styles. */
export function pageContentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    // Next's dev server evaluates code for fast refresh; the production build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON and CSV answers are never documents: they may load nothing and be framed nowhere. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every answer carries besides its CSP; HSTS only where the app is served over https. */
export function commonSecurityHeaders({ https = false } = {}): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https && { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }),
  };
}

/** The headers of a JSON or CSV answer: the common ones and the no-document CSP. */
export function apiSecurityHeaders({ https = false } = {}): Record<string, string> {
  return { ...commonSecurityHeaders({ https }), "Content-Security-Policy": API_CONTENT_SECURITY_POLICY };
}
