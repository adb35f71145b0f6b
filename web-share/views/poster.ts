import { movieLabel, type Movie } from '../../core/index.ts';
import { html, safeUrl, type SafeHtml } from './html.ts';

/** A stable pair of hues per movie, so its placeholder looks the same everywhere (page and preview card). */
export function posterHues(movie: Pick<Movie, 'id' | 'title'>): [number, number] {
  let h = 2166136261;
  for (const c of `${movie.id}:${movie.title}`) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  const a = Math.abs(h) % 360;
  return [a, (a + 40 + (Math.abs(h >> 9) % 80)) % 360];
}

/** Up to `lines` lines of about `width` characters, breaking between words; the last line ends with … if cut. */
export function wrapWords(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]!.slice(0, width - 1)}…`;
  return kept;
}

/** The inside of a generated poster, 200×300: gradient, the title set large, the year. Shared by the page and the PNG card. */
export function placeholderArt(movie: Movie, id: string): SafeHtml {
  const [a, b] = posterHues(movie);
  const title = movieLabel({ title: movie.title, year: null });
  const lines = wrapWords(title, 12, 4);
  const top = 300 - 46 - lines.length * 24;
  return html`<defs><linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${a} 62% 42%)"/><stop offset="1" stop-color="hsl(${b} 70% 18%)"/></linearGradient></defs>
<rect width="200" height="300" fill="url(#${id})"/>
<circle cx="150" cy="72" r="50" fill="#ffffff" fill-opacity="0.08"/><circle cx="44" cy="138" r="30" fill="#ffffff" fill-opacity="0.06"/>
<text x="16" y="34" fill="#ffffff" fill-opacity="0.75" font-size="14" font-weight="700" letter-spacing="2" font-family="DejaVu Sans, sans-serif">${movie.year ?? ''}</text>
${lines.map((l, i) => html`<text x="16" y="${top + i * 24}" fill="#ffffff" font-size="21" font-weight="700" font-family="DejaVu Sans, sans-serif">${l}</text>`)}
<rect x="16" y="${300 - 30}" width="36" height="4" rx="2" fill="#ffffff" fill-opacity="0.7"/>`;
}

/** The poster: a TMDB image when one is known, else a generated placeholder; both carry a text alternative. */
export function poster(movie: Movie, posterUrl: string | null, idPrefix: string): SafeHtml {
  const label = movieLabel(movie);
  const src = safeUrl(posterUrl);
  if (src) return html`<img class="poster" src="${src}" alt="Poster of ${label}" width="200" height="300" loading="lazy" decoding="async">`;
  return html`<svg class="poster" viewBox="0 0 200 300" role="img" aria-label="Poster placeholder for ${label}" xmlns="http://www.w3.org/2000/svg">${placeholderArt(movie, `${idPrefix}-${movie.id}`)}</svg>`;
}
