import { html, safeUrl, type SafeHtml } from './html.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the page, for og:url. */
  url?: string;
  /** Absolute URL of the 1200×630 PNG preview, so Discord and Telegram unfurl the link as a card. */
  image?: string;
  imageAlt?: string;
}

export interface LayoutAssets {
  stylesheet: string;
  favicon: string;
}

const LOGO = html`<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="8" class="c0"/><path d="M9 11h14v10H9z" fill="#fff" fill-opacity=".92"/><path d="M9 11l3-4h3l-3 4m3 0l3-4h3l-3 4" stroke="#fff" stroke-width="1.6" fill="none"/><path d="M14 14.5v4l3.5-2z" class="c0"/></svg>`;

export function layout(meta: PageMeta, assets: LayoutAssets, body: SafeHtml): SafeHtml {
  const url = safeUrl(meta.url);
  const image = safeUrl(meta.image);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
<meta name="robots" content="noindex">
<meta name="theme-color" content="#0e0c16" media="(prefers-color-scheme: dark)">
<meta name="theme-color" content="#f6f4fb" media="(prefers-color-scheme: light)">
<meta property="og:type" content="website">
<meta property="og:site_name" content="Moviebot">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
${url ? html`<meta property="og:url" content="${url}"><link rel="canonical" href="${url}">` : ''}
${
  image
    ? html`<meta property="og:image" content="${image}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:image:alt" content="${meta.imageAlt ?? meta.title}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="${image}">
<meta name="twitter:image:alt" content="${meta.imageAlt ?? meta.title}">`
    : html`<meta name="twitter:card" content="summary">`
}
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
<link rel="icon" href="${assets.favicon}" type="image/svg+xml">
<link rel="stylesheet" href="${assets.stylesheet}">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a class="brand" href="/">${LOGO}<span>Moviebot</span></a></header>
<main id="main" class="wrap">
${body}
</main>
<footer class="site-footer"><p>Made by Moviebot, an open-source movie-recommendation bot for Discord and Telegram. Movie data: MovieLens.</p></footer>
</body>
</html>
`;
}

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#6a4fe0"/><path d="M9 11h14v10H9z" fill="#fff" fill-opacity=".92"/><path d="M14 14.5v4l3.5-2z" fill="#6a4fe0"/></svg>`;
