// The index page `pnpm start` serves at /: a link to the docs, then one card per demo, each with a
// live preview and links to every page. Plain HTML and CSS, light and dark.

export interface DemoLink {
  readonly name: string;
  readonly path: string; // '/react/'
  readonly adapter: string; // what the demo shows off
  readonly pages: readonly string[];
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function indexPage(demos: readonly DemoLink[], docsPath = '/docs/'): string {
  const cards = demos.map((demo) => `
    <article class="card">
      <header>
        <h2><a href="${demo.path}">${escape(demo.name)}</a></h2>
        <code>${escape(demo.adapter)}</code>
      </header>
      <iframe src="${demo.path}#/feed" title="${escape(demo.name)} preview" loading="lazy"></iframe>
      <nav>${demo.pages.map((page) => `<a href="${demo.path}#/${page}">${page}</a>`).join('')}</nav>
    </article>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>Tensile: docs and demos</title>
<style>
  :root { color-scheme: light dark; --bg: #f4f5f9; --surface: #fff; --text: #151826; --muted: #5c6378; --border: #dde1ec; --accent: #4f46e5;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; background: var(--bg); color: var(--text); }
  @media (prefers-color-scheme: dark) { :root { --bg: #0e1018; --surface: #181b26; --text: #e8eaf3; --muted: #9aa1b8; --border: #2c3144; --accent: #8b85ff; } }
  body { margin: 0; padding: 32px 20px 48px; }
  main { max-width: 1180px; margin: 0 auto; }
  h1 { margin: 0 0 6px; font-size: 1.8rem; letter-spacing: -0.02em; }
  p.lead { margin: 0 0 24px; color: var(--muted); max-width: 60ch; }
  .grid { display: grid; gap: 20px; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); }
  .card { background: var(--surface); border: 1px solid var(--border); border-radius: 16px; padding: 16px; }
  .card header { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
  .card h2 { margin: 0 0 12px; font-size: 1.2rem; }
  .card a, p.lead a { color: var(--accent); }
  code { color: var(--muted); font-size: 0.85rem; }
  iframe { display: block; width: 100%; height: 560px; border: 1px solid var(--border); border-radius: 12px; background: var(--bg); }
  nav { display: flex; flex-wrap: wrap; gap: 6px 12px; margin-top: 12px; font-size: 0.92rem; }
</style>
</head>
<body>
<main>
  <h1>Tensile demos</h1>
  <p class="lead">The same pages in React, Vue and Svelte: pull to refresh, four-edge bounce, a carousel inside a list,
  a nested scroller, a curve switcher with a live plot and a curve lab that fits your samples in the browser.
  Touch, mouse drag, wheel and the R key all work. Getting started, guides and the API reference: <a href="${docsPath}">the docs</a>.</p>
  <div class="grid">${cards}
  </div>
</main>
</body>
</html>
`;
}
