import type { Context } from 'koa';
import { messagesFor } from '../../i18n/messages.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page a failed sign-in shows: Chinese first, then English; nothing was changed. `reason` is a
 * key of `workbench.pages` (ticket_invalid, ticket_used, member_unknown, member_inactive, …).
 */
export function answerSignInRefused(ctx: Context, reason: string, status: number): void {
  const zh = messagesFor('zh-CN').workbench.pages;
  const en = messagesFor('en').workbench.pages;
  const line = (pages: Record<string, string>) => escapeHtml(pages[reason] ?? pages.ticket_invalid!);
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(zh.title!)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#222}p.en{color:#555}</style>
</head><body>
<h1>${escapeHtml(zh.title!)}</h1>
<p>${line(zh)}</p>
<h2 lang="en">${escapeHtml(en.title!)}</h2>
<p class="en" lang="en">${line(en)}</p>
</body></html>`;
}
