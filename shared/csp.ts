/**
 * The Content-Security-Policy of the renderer: sent as a header by Electron's app:// protocol
 * and written as a meta tag into the browser build. This file imports nothing so the Vite
 * config can load it directly.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design's CSS-in-JS writes <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
];

export function contentSecurityPolicy(): string {
  return CSP_DIRECTIVES.join('; ');
}

/** Browsers ignore frame-ancestors in a meta tag (and warn about it). */
export function contentSecurityPolicyForMeta(): string {
  return CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
}
