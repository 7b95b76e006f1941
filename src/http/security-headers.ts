import type { Context, Next } from 'koa';

/**
 * Headers on every response. Yishi serves JSON, CSV, spreadsheets, PNGs and one HTML page (the QR
 * sheet, which has inline styles and data: images but no script), so one strict policy fits all:
 * nothing may run, nothing may frame it, nothing is sniffed into another type, and no address
 * (which may carry an opinion number) leaks to another site.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function securityHeaders() {
  return async (ctx: Context, next: Next) => {
    ctx.set(SECURITY_HEADERS);
    await next();
  };
}
