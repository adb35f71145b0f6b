/** The one stylesheet, served from /assets with a content hash in its name (CSP allows styles from 'self' only). */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f6f4fb; --panel: #ffffff; --panel-2: #efecf8; --text: #1c1930; --muted: #575271; --line: #dcd7ea;
  --accent: #5b3fd6; --accent-text: #ffffff; --like: #18794e; --dislike: #c42b4b;
  --c0: #6a4fe0; --c1: #e0568a; --c2: #e8913a; --c3: #2f9e8f; --c4: #3f7fd9; --c5: #9a8f2a;
  --radius: 14px; --shadow: 0 1px 2px rgb(20 10 60 / 8%), 0 6px 24px rgb(20 10 60 / 8%);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0e0c16; --panel: #181526; --panel-2: #221e35; --text: #eeebf7; --muted: #aba5c4; --line: #2f2a47;
    --accent: #f2c14e; --accent-text: #1b1600; --like: #4cc38a; --dislike: #ff6b86;
    --c0: #8f7cff; --c1: #ff7aa8; --c2: #ffae5c; --c3: #4fd1bd; --c4: #6aa8ff; --c5: #d9cc5a;
    --shadow: 0 1px 2px rgb(0 0 0 / 40%), 0 8px 30px rgb(0 0 0 / 35%);
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
a { color: inherit; }
a:focus-visible, .cta:focus-visible { outline: 3px solid var(--accent); outline-offset: 3px; border-radius: 6px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--panel); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.site { display: flex; align-items: center; justify-content: space-between; gap: 1rem; max-width: 1120px; margin: 0 auto; padding: 1rem 1.25rem; }
.brand { display: inline-flex; align-items: center; gap: .5rem; font-weight: 700; font-size: 1.1rem; text-decoration: none; letter-spacing: .01em; }
.brand svg { width: 28px; height: 28px; }
.wrap { max-width: 1120px; margin: 0 auto; padding: 0 1.25rem 3rem; }
.hero { padding: 2rem 0 1.5rem; }
.eyebrow { margin: 0 0 .4rem; color: var(--muted); font-size: .85rem; font-weight: 600; text-transform: uppercase; letter-spacing: .08em; }
h1 { margin: 0; font-size: clamp(1.8rem, 4.5vw, 2.9rem); line-height: 1.12; letter-spacing: -.01em; overflow-wrap: anywhere; }
.lede { margin: .75rem 0 1.25rem; color: var(--muted); font-size: 1.08rem; max-width: 46rem; }
.cta { display: inline-flex; align-items: center; gap: .5rem; background: var(--accent); color: var(--accent-text); text-decoration: none; font-weight: 700; padding: .7rem 1.15rem; border-radius: 999px; box-shadow: var(--shadow); }
.cta:hover { filter: brightness(1.08); }
.stats { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1.25rem; padding: 0; list-style: none; }
.stats li { background: var(--panel-2); border-radius: 999px; padding: .3rem .8rem; font-size: .9rem; color: var(--muted); }
.stats strong { color: var(--text); }
section.block { margin-top: 2rem; }
h2 { font-size: 1.3rem; margin: 0 0 .9rem; }
.sub { margin: -.5rem 0 1rem; color: var(--muted); }
.posters { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 1.1rem; margin: 0; padding: 0; list-style: none; }
.movie figure { margin: 0; }
.poster { display: block; width: 100%; aspect-ratio: 2 / 3; height: auto; border-radius: 10px; background: var(--panel-2); box-shadow: var(--shadow); object-fit: cover; }
.movie figcaption { padding: .55rem .1rem 0; display: grid; gap: .15rem; }
.movie .title { font-weight: 650; line-height: 1.25; overflow-wrap: anywhere; }
.movie .meta, .movie .why { font-size: .85rem; color: var(--muted); }
.movie .why em { font-style: normal; color: var(--text); }
.tally { font-size: .85rem; color: var(--muted); }
.tally .up { color: var(--like); font-weight: 700; }
.tally .down { color: var(--dislike); font-weight: 700; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr)); gap: 1.25rem; }
.grid + .grid { margin-top: 1.25rem; }
.grid.lists { grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr)); }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.25rem 1.25rem 1.1rem; box-shadow: var(--shadow); min-width: 0; }
.card h2 { font-size: 1.12rem; }
.bars { list-style: none; margin: 0; padding: 0; display: grid; gap: .55rem; }
.bars li { display: grid; grid-template-columns: minmax(6.5rem, 9rem) 1fr 3.2rem; align-items: center; gap: .75rem; font-size: .95rem; }
.bars .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bars .value { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
.bar { width: 100%; height: 14px; display: block; }
.bar .track { fill: var(--panel-2); }
.c0 { fill: var(--c0); background: var(--c0); } .c1 { fill: var(--c1); background: var(--c1); } .c2 { fill: var(--c2); background: var(--c2); }
.c3 { fill: var(--c3); background: var(--c3); } .c4 { fill: var(--c4); background: var(--c4); } .c5 { fill: var(--c5); background: var(--c5); }
.like { fill: var(--like); } .dislike { fill: var(--dislike); }
.timeline { width: 100%; height: auto; display: block; }
.timeline text { fill: var(--muted); font-size: 15px; font-family: inherit; }
.timeline .grid-line { stroke: var(--line); stroke-width: 1; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: .75rem 0 0; padding: 0; list-style: none; font-size: .9rem; color: var(--muted); }
.legend i { display: inline-block; width: .8rem; height: .8rem; border-radius: 3px; margin-right: .35rem; vertical-align: -1px; }
.ranked { list-style: none; margin: 0; padding: 0; display: grid; gap: .7rem; }
.ranked li { display: grid; grid-template-columns: 44px 1fr; gap: .8rem; align-items: center; }
.ranked .poster { width: 44px; border-radius: 6px; box-shadow: none; }
.ranked .title { font-weight: 650; overflow-wrap: anywhere; }
.ranked .split { width: 100%; height: 8px; display: block; margin-top: .3rem; }
.notice { background: var(--panel); border: 1px dashed var(--line); border-radius: var(--radius); padding: 1.5rem; color: var(--muted); }
.notice strong { color: var(--text); }
.empty { color: var(--muted); margin: 0; }
footer.site-footer { max-width: 1120px; margin: 0 auto; padding: 2rem 1.25rem 3rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); }
.error-page { min-height: 60vh; display: grid; place-content: center; text-align: center; gap: .5rem; }
.error-page .code { font-size: 4rem; font-weight: 800; color: var(--accent); margin: 0; line-height: 1; }
@media (max-width: 560px) {
  .posters { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .9rem; }
  .bars li { grid-template-columns: 6.2rem 1fr 2.8rem; gap: .5rem; }
  .hero { padding-top: 1rem; }
}
@media (prefers-reduced-motion: no-preference) { .cta { transition: filter .15s; } }
`;
