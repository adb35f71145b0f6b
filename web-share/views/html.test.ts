import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeUrl } from './html.ts';

describe('auto-escaping template', () => {
  it('escapes every interpolated string, also inside lists, and keeps nested templates', () => {
    const name = `<img src=x onerror="alert('1')">&`;
    const out = html`<p title="${name}">${name}${[name, html`<b>${name}</b>`]}${null}${false}${3}</p>`.value;
    expect(out).not.toContain('<img');
    expect(out).toBe(`<p title="${escapeHtml(name)}">${escapeHtml(name)}${escapeHtml(name)}<b>${escapeHtml(name)}</b>3</p>`);
    expect(escapeHtml(`"'<>&\``)).toBe('&quot;&#39;&lt;&gt;&amp;&#96;');
  });

  it('lets only http(s) URLs into links', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl('https://discord.com/x?a=1')).toBe('https://discord.com/x?a=1');
  });
});
