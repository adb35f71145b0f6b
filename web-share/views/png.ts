import { renderAsync } from '@resvg/resvg-js';

/** SVG → PNG off the event loop (resvg renders on libuv's thread pool), with the system's fonts. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'original' } });
  return image.asPng();
}
