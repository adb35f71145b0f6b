import { movieLabel, type Movie, type SharedList } from '../../core/index.ts';
import { genreColors } from './charts.ts';
import { html, type SafeHtml } from './html.ts';
import { placeholderArt, wrapWords } from './poster.ts';
import { serverName, type TrendsPageData } from './trends.view.ts';

/**
 * The 1200×630 preview images (og:image) as SVG, turned into PNG by the
 * caller: Discord and Telegram show them as the link's card.
 */
const W = 1200;
const H = 630;
const FONT = 'DejaVu Sans, sans-serif';
/** Fixed colours: the card is an image, it cannot follow the viewer's dark mode. */
const PALETTE: Record<string, string> = { c0: '#8f7cff', c1: '#ff7aa8', c2: '#ffae5c', c3: '#4fd1bd', c4: '#6aa8ff', c5: '#d9cc5a' };

function frame(content: SafeHtml): string {
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1d1736"/><stop offset="1" stop-color="#0b0a12"/></linearGradient></defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>
<circle cx="1100" cy="-40" r="320" fill="#8f7cff" fill-opacity="0.10"/>
<rect x="64" y="62" width="44" height="44" rx="11" fill="#6a4fe0"/><path d="M76 77h20v14H76z" fill="#fff"/><path d="M83 80.5v7l5.5-3.5z" fill="#6a4fe0"/>
<text x="124" y="93" font-family="${FONT}" font-size="28" font-weight="700" fill="#eeebf7">Moviebot</text>
${content}
</svg>`.value;
}

/** The card's font has no emoji: drop them rather than draw empty boxes. */
const plain = (text: string) =>
  text
    .replace(/\p{Extended_Pictographic}\uFE0F?/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

function titleLines(text: string, x: number, y: number, width: number, size: number, maxLines: number): SafeHtml {
  return html`${wrapWords(plain(text), width, maxLines).map(
    (line, i) => html`<text x="${x}" y="${y + i * size * 1.18}" font-family="${FONT}" font-size="${size}" font-weight="700" fill="#ffffff">${line}</text>`,
  )}`;
}

function collage(movies: readonly Movie[]): SafeHtml {
  const shown = movies.slice(0, 4);
  return html`${shown.map((m, i) => {
    const x = 690 + i * 118;
    const y = 150 + (i % 2) * 36;
    return html`<g transform="translate(${x} ${y}) rotate(${(i - 1.5) * 3} 100 150)"><rect x="-4" y="-4" width="208" height="308" rx="14" fill="#000" fill-opacity="0.35"/><g>${placeholderArt(m, `card-${i}`)}</g></g>`;
  })}`;
}

export function listCardSvg(list: SharedList): string {
  const movies = [...list.favorites, ...list.recommendations.map((r) => r.movie)];
  const names = list.favorites.slice(0, 3).map((m) => plain(movieLabel(m, 36)));
  return frame(html`
${titleLines('Favourite movies and what to watch next', 64, 200, 20, 46, 3)}
${names.map((n, i) => html`<text x="64" y="${392 + i * 40}" font-family="${FONT}" font-size="26" fill="#cfc9e6">♥ ${n}</text>`)}
<text x="64" y="570" font-family="${FONT}" font-size="24" fill="#f2c14e" font-weight="700">${list.favorites.length} favourites · ${list.recommendations.length} picks</text>
${collage(movies)}`);
}

export function trendsCardSvg(data: TrendsPageData): string {
  const { trends } = data.trends;
  const heading = titleLines(`What ${serverName(data)} likes to watch`, 64, 200, 24, 46, 2);
  if (!trends.enough) {
    return frame(
      html`${heading}<text x="64" y="360" font-family="${FONT}" font-size="28" fill="#cfc9e6">Taste trends appear once 3 members contributed.</text>`,
    );
  }
  const color = genreColors(trends.topGenres);
  const top = trends.topGenres.slice(0, 5);
  const max = Math.max(...top.map((g) => g.share), 0.0001);
  const bars = top.map((g, i) => {
    const y = 330 + i * 52;
    return html`<text x="64" y="${y + 26}" font-family="${FONT}" font-size="26" fill="#eeebf7">${g.genre}</text>
<rect x="300" y="${y + 4}" width="620" height="30" rx="6" fill="#ffffff" fill-opacity="0.08"/>
<rect x="300" y="${y + 4}" width="${((g.share / max) * 620).toFixed(1)}" height="30" rx="6" fill="${PALETTE[color(g.genre)]!}"/>
<text x="940" y="${y + 28}" font-family="${FONT}" font-size="26" fill="#cfc9e6">${Math.round(g.share * 100)}%</text>`;
  });
  const liked = trends.mostLiked[0];
  return frame(html`${heading}
${bars}
<text x="64" y="${H - 24}" font-family="${FONT}" font-size="22" fill="#f2c14e" font-weight="700">${trends.contributors} members${liked ? ` · most liked: ${plain(movieLabel(liked.movie, 44))}` : ''}</text>`);
}
