// The browser suite: serves the site with the real binary on a loopback port and checks every
// page as visitors meet it, in Debian's headless Chromium:
//   - every URL reachable from / answers 200, and no link, image, stylesheet or srcset entry is broken;
//   - axe-core reports no violation (WCAG 2.0/2.1 A and AA, plus best practices) at 390 px and
//     1280 px wide, in light and dark colour schemes (in dark, the rules colours can change);
//   - the Nu HTML Checker reports no error;
//   - the skip link is the first focusable element and moves focus to the main content, and
//     every focusable element shows a visible focus ring;
//   - headings start at one h1 and skip no level;
//   - no page scrolls sideways at 320 px;
//   - every page loads under its Content-Security-Policy without a violation;
//   - a screenshot of each page type at both widths goes to target/screenshots/.
// Every failure names the page, the setting and the rule. Exit status 1 on any failure.
//
// Usage: node tests/browser/run.mjs [--bin PATH] [--site shipped|fixture|bibtex|happenings|languages]   (from anywhere)

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const vnuJar = resolve(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const args = process.argv.slice(2);
const binary = args.includes('--bin') ? resolve(args[args.indexOf('--bin') + 1]) : join(root, 'target', 'debug', 'groupsite');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// The sites to check: the shipped content, a small fixture that has images, and one whose
// publications come from BibTeX (formatted citations, linked members, every kind).
const SITES = [
  { name: 'shipped', content: join(root, 'content') },
  { name: 'fixture', content: join(root, 'tests', 'fixtures', 'minimal', 'content') },
  { name: 'bibtex', content: join(root, 'tests', 'fixtures', 'bibtex', 'content') },
  { name: 'happenings', content: join(root, 'tests', 'fixtures', 'happenings', 'content') },
  // In English, bokmål and nynorsk, some texts translated and some marked as untranslated.
  { name: 'languages', content: join(root, 'tests', 'fixtures', 'languages', 'content'),
    searches: ['/nb/search/?q=omsorg', '/nn/search/?q=barnehager', '/nb/no-such-page'] },
];
const WIDTHS = [390, 1280];
// Pages checked at the same time: the browser then works while the suite waits for the other,
// on the two cores CI has.
const PAGES_AT_ONCE = 2;
const SCHEMES = ['light', 'dark'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCREENSHOTS = join(root, 'target', 'screenshots');
// A path no site has: its 404 page is checked like any other page.
const NOT_FOUND = '/no-such-page';
// Searches no link leads to: results with marks and pages, nothing found with suggestions, and
// the empty form. They are checked like any other page.
const SEARCHES = ['/search/?q=wellbeing', '/search/?q=and', '/search/?q=Kvelloxx', '/search/'];

const failures = [];
const fail = (page, setting, rule, detail) => failures.push(`${page} [${setting}] ${rule}: ${detail}`);

function freePort() {
  return new Promise((ok, bad) => {
    const server = createServer();
    server.on('error', bad);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function startServer(content) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Sizes of images are made afresh into a folder of this run's, as on a new server.
  const images = mkdtempSync(join(tmpdir(), 'groupsite-images-'));
  const child = spawn(binary, ['serve', '--content', content, '--addr', `127.0.0.1:${port}`, '--base-url', `${base}/`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, GROUPSITE_CACHE_DIR: images },
  });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  for (let i = 0; i < 200; i++) {
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return { base, child };
    } catch { /* not up yet */ }
    if (child.exitCode !== null) throw new Error(`groupsite exited with ${child.exitCode}:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error(`groupsite did not answer /healthz within 10 s:\n${log}`);
}

const decode = (s) => s.replace(/&amp;/g, '&').replace(/&#38;/g, '&').replace(/&quot;/g, '"').replace(/&#34;/g, '"');

// Every URL an element of the page points at: href, src and each srcset candidate.
function targets(html) {
  const found = [];
  for (const [, attr, value] of html.matchAll(/\s(href|src|srcset)="([^"]*)"/g)) {
    if (attr === 'srcset') {
      for (const candidate of decode(value).split(',')) found.push(candidate.trim().split(/\s+/)[0]);
    } else {
      found.push(decode(value));
    }
  }
  return found;
}

// Crawls from / over HTTP; returns the HTML pages (path -> html) and records broken links.
async function crawl(site, base) {
  const pages = new Map();
  const seen = new Set(['/']);
  const queue = ['/'];
  const linkedFrom = new Map([['/', '(start)']]);
  while (queue.length) {
    const path = queue.shift();
    let response = await fetch(base + path, { redirect: 'manual' });
    // A size of an image not made yet stands in for a moment by its original, under /media/.
    const location = response.headers.get('location') || '';
    if (response.status === 307 && path.startsWith('/images/') && new URL(location, base).pathname.startsWith('/media/')) {
      response = await fetch(new URL(location, base), { redirect: 'manual' });
    }
    if (response.status !== 200) {
      fail(`${site}${path}`, 'crawl', 'broken-link', `answers ${response.status} (linked from ${linkedFrom.get(path)})`);
      continue;
    }
    if (!(response.headers.get('content-type') || '').startsWith('text/html')) continue;
    const html = await response.text();
    pages.set(path, html);
    for (const target of targets(html)) {
      let url;
      try { url = new URL(target, base + path); } catch { fail(`${site}${path}`, 'crawl', 'bad-url', target); continue; }
      if (url.origin !== base) continue;
      const key = url.pathname + url.search;
      if (!seen.has(key)) {
        seen.add(key);
        linkedFrom.set(key, path);
        queue.push(key);
      }
    }
  }
  return pages;
}

// What kind of page a path is, for one screenshot per kind.
// A page in another language than the default (`/nb/people/`) is its own kind, `nb-people`.
function pageType(path) {
  const language = path.match(/^\/([a-z]{2,3}(?:-[a-z0-9]{2,8})?)(\/.*)$/);
  if (language && !['groups', 'projects', 'people', 'news', 'events'].includes(language[1])) {
    return `${language[1]}-${pageType(language[2])}`;
  }
  if (path === '/') return 'home';
  if (path === NOT_FOUND || path.endsWith('/no-such-page')) return 'not-found';
  const [first, second] = path.split('?')[0].split('/').filter(Boolean);
  if (second) return { groups: 'group', projects: 'project', people: 'person', news: 'story', events: 'event' }[first] || first;
  return ['projects', 'people', 'partners', 'publications', 'practices', 'news', 'events', 'search'].includes(first) ? first : 'page';
}

// Images keep their box before they load: every <img> says its size, and nothing moved as
// they arrived (cumulative layout shift, as Chrome measures it for Core Web Vitals, above
// 0.001), on the page as it is just loaded. A box an image does not keep moves the page on
// every load with an empty cache; a shift once in CI (0.0143 on a publication page with no
// image, under load) did not come back in 25 loads. So a page that moved is loaded once more in
// a new browser context, with an empty cache, and fails if it moves again, naming what moved.
const LAYOUT_SHIFT_BOUND = 0.001;
async function checkImages(page, name, setting, url) {
  const unsized = await page.evaluate(() => [...document.querySelectorAll('img:not([width]), img:not([height])')].map((i) => i.getAttribute('src')));
  for (const src of unsized) fail(name, setting, 'img-size', `<img src="${src}"> has no width and height`);
  const first = await layoutShift(page);
  if (first.total <= LAYOUT_SHIFT_BOUND) return;
  const fresh = await page.context().browser().newContext();
  try {
    const again = await fresh.newPage();
    await again.setViewportSize(page.viewportSize());
    await again.emulateMedia({ colorScheme: SCHEMES[0] });
    await again.goto(url, { waitUntil: 'load' });
    const second = await layoutShift(again);
    if (second.total > LAYOUT_SHIFT_BOUND) {
      fail(name, setting, 'layout-shift', `cumulative layout shift ${first.total.toFixed(4)}, then ${second.total.toFixed(4)} with an empty cache; moved: ${second.moved.slice(0, 5).join(', ')}`);
    }
  } finally {
    await fresh.close();
  }
}

// The cumulative layout shift of the page since it began to load, and what moved.
async function layoutShift(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let total = 0;
    const moved = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        total += entry.value;
        for (const source of entry.sources) {
          const node = source.node;
          moved.push(node ? `${node.nodeName.toLowerCase()}${node.className ? '.' + node.className : ''} ${source.previousRect.y}→${source.currentRect.y}px` : 'a removed node');
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve({ total, moved }), 50);
  }));
}

// The rules whose outcome the colour scheme can change. The dark scheme changes nothing but
// colours (`schemeChangesOnlyColours` holds the stylesheet to that, once a site), so in it
// axe-core runs these alone; every other rule runs in the light scheme, at each width.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// Whether every rule the stylesheets give for a colour scheme sets custom properties to
// colours and nothing else, as COLOUR_RULES assumes; otherwise what it sets besides.
async function schemeChangesOnlyColours(page) {
  return page.evaluate(() => {
    const others = [];
    const walk = (rules, inScheme) => {
      for (const rule of rules) {
        const scheme = inScheme || (rule.media && /prefers-color-scheme/.test(rule.media.mediaText));
        if (rule.cssRules) walk(rule.cssRules, scheme);
        if (!scheme || !rule.style) continue;
        for (const property of rule.style) {
          const value = rule.style.getPropertyValue(property).trim();
          if (!property.startsWith('--') || !CSS.supports('color', value)) others.push(`${property}: ${value}`);
        }
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules, false);
    return others;
  });
}

// Runs axe-core on the page as it is now, with every rule (`rules` null) or only those named.
async function axe(page, name, setting, rules) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const only = rules ? { type: 'rule', values: rules } : { type: 'tag', values: AXE_TAGS };
  const result = await page.evaluate((runOnly) => window.axe.run(document, { runOnly, resultTypes: ['violations'] }), only);
  for (const v of result.violations) {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
    fail(name, setting, `axe ${v.id} (${v.impact})`, `${v.help}; at ${where}`);
  }
}

// One page, loaded twice: once for what it looks like (images, axe-core at each width and
// scheme, screenshots, 320 px, headings; the width and scheme change in place, as when a
// phone turns or the system goes dark), and once afresh for the keyboard.
async function checkPage(context, site, base, path, screenshotTypes) {
  const name = `${site}${path}`;
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    await page.emulateMedia({ colorScheme: SCHEMES[0] });
    await page.goto(base + path, { waitUntil: 'load' });
    await checkImages(page, name, `${WIDTHS[0]}px`, base + path);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const scheme of SCHEMES) {
        const setting = `${width}px ${scheme}`;
        await page.emulateMedia({ colorScheme: scheme });
        await axe(page, name, setting, scheme === SCHEMES[0] ? null : COLOUR_RULES);
        const type = pageType(path);
        if (scheme === 'light' && !screenshotTypes.has(`${type}-${width}`)) {
          screenshotTypes.add(`${type}-${width}`);
          await page.screenshot({ path: join(SCREENSHOTS, `${site}-${type}-${width}.png`), fullPage: true });
        }
      }
    }

    // Nothing scrolls sideways at the narrowest phone width.
    await page.setViewportSize({ width: 320, height: 700 });
    await page.emulateMedia({ colorScheme: 'light' });
    const overflow = await page.evaluate(() => {
      const doc = document.documentElement;
      if (doc.scrollWidth <= doc.clientWidth) return null;
      const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1);
      return `${doc.scrollWidth}px wide; widest: ${wide.slice(-3).map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).join(', ')}`;
    });
    if (overflow) fail(name, '320px', 'horizontal-scroll', overflow);

    // Headings: exactly one h1, and going down the page no level is skipped.
    const headings = await page.evaluate(() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => [Number(h.tagName[1]), h.textContent.trim().slice(0, 50)]));
    const h1s = headings.filter(([level]) => level === 1).length;
    if (h1s !== 1) fail(name, 'structure', 'one-h1', `${h1s} h1 elements`);
    headings.reduce((previous, [level, text]) => {
      if (level > previous + 1) fail(name, 'structure', 'heading-skip', `h${level} "${text}" follows h${previous}`);
      return level;
    }, 0);

    // Keyboard, on a page just loaded: the first Tab reaches the skip link, every focus is
    // visible, and the skip link moves focus to <main>.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(base + path, { waitUntil: 'load' });
    const count = await page.evaluate(() => document.querySelectorAll('a[href], button, select, input, textarea, [tabindex]:not([tabindex="-1"])').length);
    for (let i = 0; i < Math.max(count, 1); i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const s = getComputedStyle(e);
        const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
        return { cls: e.className, text: (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40), tag: e.tagName.toLowerCase(), visible };
      });
      if (i === 0 && focus?.cls !== 'skip-link') {
        fail(name, 'keyboard', 'skip-link-first', `first Tab focuses "${focus?.text ?? '(nothing)'}" (${focus?.cls || 'no class'})`);
      }
      if (focus && !focus.visible) fail(name, 'keyboard', 'focus-visible', `${focus.tag} "${focus.text}" has no visible focus ring`);
    }
    if (await page.evaluate(() => { const skip = document.querySelector('.skip-link'); skip?.focus(); return !!skip; })) {
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => document.activeElement.id);
      if (focused !== 'main') fail(name, 'keyboard', 'skip-link-target', `after Enter, focus is on #${focused || '(none)'}, not #main`);
    }
  } finally {
    await page.close();
  }
}

// Every page loads under the server's own Content-Security-Policy without a violation: no
// inline script or style slipped into a template. (The other checks bypass the policy so
// axe-core can be injected.)
async function checkPolicy(browser, site, base, paths) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let violations = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of paths) {
    violations = [];
    await page.goto(base + path, { waitUntil: 'load' });
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    if (!csp || /unsafe-inline/.test(csp)) fail(`${site}${path}`, 'csp', 'policy', `header is ${csp}`);
    for (const v of violations) fail(`${site}${path}`, 'csp', 'violation', v.slice(0, 200));
  }
  await context.close();
}

// One run of the Nu HTML Checker over every page saved to `dir`.
function validate(dir, names) {
  const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) { fail('(all pages)', 'vnu', 'java', run.error.message); return; }
  let report;
  try { report = JSON.parse(run.stderr || run.stdout || '{"messages":[]}'); } catch { fail('(all pages)', 'vnu', 'output', (run.stderr || run.stdout).slice(0, 500)); return; }
  for (const m of report.messages) {
    const file = decodeURIComponent((m.url || '').split('/').pop() || '');
    fail(names.get(file) || file, 'vnu', m.type, `${m.message} (line ${m.lastLine ?? '?'}: ${(m.extract || '').trim().slice(0, 80)})`);
  }
}

async function main() {
  const started = Date.now();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const htmlDir = mkdtempSync(join(tmpdir(), 'groupsite-vnu-'));
  const names = new Map();
  let checked = 0;
  try {
    const only = args.includes('--site') ? args[args.indexOf('--site') + 1] : null;
    for (const { name: site, content, searches = [] } of SITES.filter((s) => !only || s.name === only)) {
      const { base, child } = await startServer(content);
      try {
        const pages = await crawl(site, base);
        const notFound = await fetch(base + NOT_FOUND);
        if (notFound.status !== 404) fail(site + NOT_FOUND, 'http', 'status', `answers ${notFound.status}, not 404`);
        pages.set(NOT_FOUND, await notFound.text());
        for (const path of [...SEARCHES, ...searches]) {
          const searched = await fetch(base + path);
          const expected = path.includes('no-such-page') ? 404 : 200;
          if (searched.status !== expected) fail(site + path, 'http', 'status', `answers ${searched.status}, not ${expected}`);
          pages.set(path, await searched.text());
        }
        for (const [path, html] of pages) {
          const file = `${site}-${names.size}.html`;
          names.set(file, `${site}${path}`);
          writeFileSync(join(htmlDir, file), html);
        }
        const context = await browser.newContext({ bypassCSP: true });
        // Every page has the one stylesheet (the policy allows no style of a page's own).
        const home = await context.newPage();
        await home.goto(`${base}/`, { waitUntil: 'load' });
        for (const other of await schemeChangesOnlyColours(home)) {
          fail(`${site}/`, 'css', 'scheme-only-colours', `a colour scheme sets ${other}, so axe-core must run every rule in it`);
        }
        await home.close();
        const screenshotTypes = new Set();
        // Pages in turn, PAGES_AT_ONCE at a time, each in a tab of its own.
        const queue = [...pages.keys()];
        const worker = async () => {
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
            await checkPage(context, site, base, path, screenshotTypes);
            checked++;
          }
        };
        await Promise.all(Array.from({ length: PAGES_AT_ONCE }, worker));
        await context.close();
        await checkPolicy(browser, site, base, [...pages.keys()]);
      } finally {
        child.kill('SIGTERM');
      }
    }
    validate(htmlDir, names);
  } finally {
    await browser.close();
    rmSync(htmlDir, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length) {
    console.error(`browser suite: ${failures.length} failures on ${checked} pages (${seconds} s):`);
    for (const f of failures) console.error(`  ${f}`);
    process.exit(1);
  }
  console.log(`browser suite: ${checked} pages, each at ${WIDTHS.join(' and ')} px in ${SCHEMES.join(' and ')} schemes, 320 px, keyboard and HTML checker: no failures (${seconds} s); screenshots in target/screenshots/`);
}

main().catch((error) => {
  console.error(`browser suite could not run: ${error.stack || error}`);
  process.exit(1);
});
