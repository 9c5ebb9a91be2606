// Opens svtext reports in headless Chromium and checks them as a reader
// would: no console errors and no network requests, every chart has drawn
// marks, the documents table sorts and filters, a row opens its document
// with hits marked. Saves a screenshot of each section.
//
// usage: node browser_test.mjs SCREENSHOT_DIR NAME=REPORT.html [NAME=REPORT.html ...]
// Needs playwright-core (NODE_PATH) and Chromium at $CHROMIUM or /usr/bin/chromium.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(path.resolve(process.env.NODE_PATH || '.', 'x.js'));
const { chromium } = require('playwright-core');

const [shotDir, ...reports] = process.argv.slice(2);
if (!shotDir || reports.length === 0) {
  console.error('usage: node browser_test.mjs SCREENSHOT_DIR NAME=REPORT.html ...');
  process.exit(2);
}
const SECTIONS = ['overview', 'time', 'cooccurrence', 'speakers', 'contexts', 'documents'];
const CHARTS = ['time', 'cooccurrence', 'speakers', 'organisations', 'roles'];
let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log(`  ok   ${name}`);
  } else {
    failed += 1;
    console.log(`  FAIL ${name}${detail ? ': ' + detail : ''}`);
  }
}

// Data marks: shapes drawn in a colour (axes, grid and text are greys).
function countMarks(figure) {
  const chromatic = (c) => {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((c || '').trim());
    return m && !(m[1] === m[2] && m[2] === m[3]);
  };
  let marks = 0;
  for (const el of figure.querySelectorAll('svg rect, svg polyline, svg circle, svg polygon, svg path')) {
    const box = el.getBBox();
    if (box.width + box.height === 0) continue;
    if (chromatic(el.getAttribute('fill')) || chromatic(el.getAttribute('stroke'))) marks += 1;
  }
  return { marks, texts: figure.querySelectorAll('svg text').length };
}

async function visibleRows(page) {
  return page.$$eval('#doc-table tbody tr', (trs) =>
    trs.map((tr) => Array.from(tr.cells, (td) => td.textContent)));
}

async function tableChecks(page, name) {
  const before = await visibleRows(page);
  check(`${name}: the table shows rows`, before.length > 0, `${before.length} rows`);
  const total = await page.$eval('#doc-count', (e) => e.textContent);
  // sort by words: largest first, then smallest first
  await page.click('#doc-table th[data-col="4"]');
  const desc = (await visibleRows(page)).map((r) => Number(r[3].replace(/,/g, '')));
  const isDesc = desc.every((v, i) => i === 0 || desc[i - 1] >= v);
  check(`${name}: sorting by words puts the longest first`, isDesc && desc.length > 0, desc.slice(0, 5).join(' '));
  await page.click('#doc-table th[data-col="4"]');
  const asc = (await visibleRows(page)).map((r) => Number(r[3].replace(/,/g, '')));
  check(`${name}: a second click sorts the shortest first`, asc.every((v, i) => i === 0 || asc[i - 1] <= v) && asc[0] <= desc[0]);
  // sort by title
  await page.click('#doc-table th[data-col="1"]');
  const titles = (await visibleRows(page)).map((r) => r[0]);
  const sorted = [...titles].sort(new Intl.Collator('sv').compare);
  check(`${name}: sorting by title orders the titles`, JSON.stringify(titles) === JSON.stringify(sorted));
  // filter by a word of some title
  const word = (before.map((r) => r[0]).join(' ').match(/[A-Za-zÅÄÖåäö]{6,}/) || ['kommun'])[0].toLowerCase();
  await page.fill('#doc-filter', word);
  const filtered = await visibleRows(page);
  const count = await page.$eval('#doc-count', (e) => e.textContent);
  check(`${name}: filtering by "${word}" keeps matching rows only`,
    filtered.length > 0 && count !== total && filtered.every((r) => r[0].toLowerCase().includes(word)),
    `${count} (was ${total})`);
  await page.fill('#doc-filter', 'zzqx-no-such-document');
  check(`${name}: a filter that matches nothing shows no rows`, (await visibleRows(page)).length === 0);
  await page.fill('#doc-filter', '');
  // filter by theme: every visible row has hits of that theme
  await page.selectOption('#doc-theme', '0');
  const themed = await visibleRows(page);
  check(`${name}: the theme filter keeps documents with that theme`,
    themed.length > 0 && themed.every((r) => Number(r[5]) > 0));
  await page.selectOption('#doc-theme', '');
  return before.length;
}

async function openDocument(page, name, shots) {
  await page.click('#doc-table th[data-col="t0"]'); // most hits of the first theme first
  const row = page.locator('#doc-table tbody tr:not(.no-text)').first();
  check(`${name}: some row carries its text`, (await row.count()) > 0);
  if ((await row.count()) === 0) return;
  await row.click();
  const open = await page.$eval('#doc-view', (d) => d.open);
  const marks = await page.$$eval('#doc-text mark', (m) => m.length);
  check(`${name}: a row opens its document with hits marked`, open && marks > 0, `${marks} hits marked`);
  await page.screenshot({ path: path.join(shots, 'document.png') });
  await page.click('#doc-close');
}

async function testReport(browser, name, file) {
  console.log(`${name}: ${file}`);
  const size = fs.statSync(file).size;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  const started = Date.now();
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
  const wall = Date.now() - started;
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { dom: n.domContentLoadedEventEnd, load: n.loadEventEnd, paint: paint ? paint.startTime : NaN };
  });
  console.log(`  size ${(size / 1e6).toFixed(2)} MB; load event at ${nav.load.toFixed(0)} ms (DOMContentLoaded ${nav.dom.toFixed(0)} ms, first contentful paint ${Number.isNaN(nav.paint) ? 'not yet recorded' : nav.paint.toFixed(0) + ' ms'}; ${wall} ms from the start of navigation to load, as the test saw it)`);
  fs.appendFileSync(path.join(shotDir, 'timings.txt'), `${name}\t${size}\t${nav.load.toFixed(0)}\t${wall}\n`);
  for (const id of SECTIONS) {
    check(`${name}: section #${id} is there`, (await page.locator(`#${id}`).count()) === 1);
  }
  for (const chart of CHARTS) {
    const fig = page.locator(`figure[data-chart="${chart}"]`);
    if ((await fig.count()) === 0) {
      check(`${name}: chart ${chart} is drawn`, false, 'missing');
      continue;
    }
    const { marks, texts } = await fig.evaluate(countMarks);
    check(`${name}: chart ${chart} has drawn marks and labels`, marks > 0 && texts > 2, `${marks} marks, ${texts} labels`);
  }
  const shots = path.join(shotDir, name);
  fs.mkdirSync(shots, { recursive: true });
  for (const id of SECTIONS) {
    // the section in page coordinates; long sections: their first 1,600 pixels
    const box = await page.locator(`#${id}`).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    });
    await page.screenshot({
      path: path.join(shots, `${id}.png`),
      fullPage: true,
      clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1600) },
    });
  }
  await tableChecks(page, name);
  await openDocument(page, name, shots);
  check(`${name}: no console errors`, errors.length === 0, errors.slice(0, 5).join(' | '));
  check(`${name}: no network requests`, requests.length === 0, requests.slice(0, 5).join(' '));
  await page.close();
}

// Small copies of one report's screenshots for the README: 900 pixels wide,
// at most 800 high (DOC_SHOTS=DIR, DOC_SOURCE=NAME).
async function docShots(browser, source, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  for (const file of fs.readdirSync(path.join(shotDir, source)).sort()) {
    const png = fs.readFileSync(path.join(shotDir, source, file)).toString('base64');
    await page.setContent(`<body style="margin:0;background:#fff"><img style="width:900px;display:block" src="data:image/png;base64,${png}"></body>`);
    const height = await page.evaluate(() => document.querySelector('img').getBoundingClientRect().height);
    await page.screenshot({ path: path.join(dir, file), clip: { x: 0, y: 0, width: 900, height: Math.min(height, 800) } });
  }
  await page.close();
}

fs.mkdirSync(shotDir, { recursive: true });
fs.writeFileSync(path.join(shotDir, 'timings.txt'), 'report\tbytes\tload_ms\twall_ms\n');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const spec of reports) {
    const eq = spec.indexOf('=');
    await testReport(browser, spec.slice(0, eq), spec.slice(eq + 1));
  }
  if (process.env.DOC_SHOTS) {
    await docShots(browser, process.env.DOC_SOURCE || 'sample', process.env.DOC_SHOTS);
  }
} finally {
  await browser.close();
}
console.log(`report browser test: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
