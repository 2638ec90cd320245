#!/usr/bin/env node
/**
 * npm run bench  (= npm run build && node scripts/bench.mjs)
 *
 * Builds a corpus of ~10,000 articles (~30 MB) in .bench/corpus from the bundled fixtures and
 * ANERcorp text (../shared/datasets/anercorp/train.txt, skipped with a message when absent),
 * then measures, by spawning the real CLI:
 *   - extract end to end over the folder with 1 job and with N jobs (MB/s, articles/s, peak RSS),
 *     and with 1 job pinned to one core (taskset, when installed): the issue's "per core on one
 *     core" figure, since an unpinned job also uses a second core for V8's compiler and GC threads
 *   - the normalizer alone, in process through dist/ (MB/s)
 *   - single-article start-up against bare `node -e 0`
 * and checks the targets of issue 7. Numbers are printed, never asserted in tests.
 *
 * Options: --articles N (default 10000), --jobs N (default: cores), --profile (write a CPU
 * profile of the 1-job run to .bench/profile and print its hot spots), --stages (CPU time of each
 * pipeline stage, in process, over the whole corpus), --keep (reuse corpus).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'newsnlp.js');
const BENCH = join(ROOT, '.bench');
const CORPUS = join(BENCH, 'corpus');
const ANER = join(ROOT, '..', 'shared', 'datasets', 'anercorp', 'train.txt');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ARTICLES = opt('articles', 10_000);
const JOBS = opt('jobs', availableParallelism());
const PROFILE = args.includes('--profile');
const STAGES = args.includes('--stages');
const TARGET_ARTICLE_CHARS = 1650; // ~3 KB of UTF-8 Arabic: 10,000 articles ≈ 30 MB

// ---------- corpus ----------

function fixtureTexts() {
  const dir = join(ROOT, 'fixtures');
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'input.txt')))
    .sort()
    .map((d) => readFileSync(join(dir, d, 'input.txt'), 'utf8').replace(/^\uFEFF/, ''));
}

/** ANERcorp sentences as plain text (tokens joined; punctuation glued back to the previous word). */
function anercorpSentences() {
  if (!existsSync(ANER)) {
    console.log(`(ANERcorp not found at ${ANER}: the corpus uses the fixtures only)`);
    return [];
  }
  const sentences = [];
  let words = [];
  for (const line of readFileSync(ANER, 'utf8').split('\n')) {
    const token = line.split('\t')[0]?.trim();
    if (!token) {
      if (words.length) sentences.push(words.join(' ').replace(/ ([.,،؛:!?؟)»])/g, '$1').replace(/([(«]) /g, '$1'));
      words = [];
    } else words.push(token);
  }
  if (words.length) sentences.push(words.join(' '));
  return sentences.filter((s) => s.length > 20).map((s) => (/[.!?؟]$/.test(s) ? s : `${s}.`));
}

/** Article i: a fixture every 10th article, else a title + paragraphs of consecutive ANERcorp sentences. */
function* articles(count) {
  const fixtures = fixtureTexts();
  const sentences = anercorpSentences();
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    if (sentences.length === 0 || i % 10 === 0) {
      yield fixtures[i % fixtures.length];
      continue;
    }
    const title = sentences[cursor % sentences.length].replace(/[.!?؟]$/, '').slice(0, 90);
    cursor = (cursor + 7) % sentences.length; // a different window each time around
    const paragraphs = [];
    let length = 0;
    let paragraph = [];
    while (length < TARGET_ARTICLE_CHARS) {
      const s = sentences[cursor++ % sentences.length];
      paragraph.push(s);
      length += s.length + 1;
      if (paragraph.length === 3) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
      }
    }
    if (paragraph.length) paragraphs.push(paragraph.join(' '));
    yield `${title}\n\n${paragraphs.join('\n\n')}\n`;
  }
}

function buildCorpus() {
  const stamp = join(CORPUS, '.stamp');
  const key = `${ARTICLES}:${existsSync(ANER)}:${fixtureTexts().length}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return;
  rmSync(CORPUS, { recursive: true, force: true });
  let i = 0;
  for (const text of articles(ARTICLES)) {
    const dir = join(CORPUS, `batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `article-${String(i).padStart(5, '0')}.txt`), text);
    i++;
  }
  writeFileSync(stamp, key);
}

function corpusFiles() {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  walk(CORPUS);
  return out;
}

// ---------- measuring ----------

const HAS_TIME = existsSync('/usr/bin/time');

/** Run a command; wall time from here, peak RSS of the process from /usr/bin/time (workers are threads: included). */
function measure(argv, { stdout = 'ignore' } = {}) {
  const cmd = HAS_TIME ? '/usr/bin/time' : argv[0];
  const full = HAS_TIME ? ['-f', '__TIME__ %M %e %U %S', ...argv] : argv.slice(1);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, full, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /__TIME__ (\d+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  const cpu = m ? Number(m[3]) + Number(m[4]) : NaN;
  return { seconds, rssMB: m ? Number(m[1]) / 1024 : NaN, cpu, status: r.status, stderr: (r.stderr ?? '').replace(/__TIME__.*\n?/, '') };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));

/** extract over the corpus; `pinned` runs it on the first core only (taskset -c 0). */
function extractRun(jobs, extra = [], { pinned = false } = {}) {
  const pin = pinned ? [TASKSET, '-c', '0'] : [];
  const r = measure([...pin, process.execPath, ...extra, BIN, 'extract', CORPUS, '--jobs', String(jobs), '-q']);
  if (r.status !== 0 && r.status !== 1) throw new Error(`extract failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  return r;
}

async function normalizerRate(files) {
  const lib = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (const t of texts.slice(0, 200)) lib.normalize(t); // warm up
  const t0 = process.hrtime.bigint();
  for (const t of texts) lib.normalize(t);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { mbps: bytes / 1e6 / seconds, seconds };
}

/**
 * CPU seconds of each stage of `analyze` + `toResult` + JSON over the corpus (texts read first),
 * second of two passes, so JIT warm-up and the per-form caches do not count. Process CPU time
 * (not wall): on a shared machine it moves less with the other processes.
 */
async function stageTimes(files) {
  // mirrors analyze() in src/extract.ts, with a lap between stages
  const lib = (rel) => import(pathToFileURL(join(ROOT, 'dist', rel)).href);
  const { loadLexicons } = await lib('index.js');
  const { makeDoc } = await lib('document.js');
  const { detectBoilerplate } = await lib('stages/boilerplate.js');
  const { splitSentences } = await lib('text/sentences.js');
  const { tokenize } = await lib('text/tokens.js');
  const { FormTable } = await lib('text/forms.js');
  const { findEntities } = await lib('stages/entities.js');
  const { findQuotes } = await lib('stages/quotes.js');
  const { toResult } = await lib('extract.js');
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const lex = loadLexicons();
  const forms = lex.compiled('word-forms', () => new FormTable());
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  let stages = {};
  let seconds = 0;
  for (let pass = 0; pass < 2; pass++) {
    stages = { normalize: 0, boilerplate: 0, sentences: 0, tokenize: 0, entities: 0, quotes: 0, toResult: 0, 'JSON.stringify': 0 };
    const begin = cpu();
    for (const text of texts) {
      let t = cpu();
      const lap = (name) => {
        const now = cpu();
        stages[name] += now - t;
        t = now;
      };
      const doc = makeDoc(text);
      lap('normalize');
      const boilerplate = detectBoilerplate(doc, lex);
      lap('boilerplate');
      const sentences = splitSentences(doc.original, lex, boilerplate);
      lap('sentences');
      const tokens = tokenize(doc.normalized, doc.map, sentences, forms);
      lap('tokenize');
      const entities = findEntities(doc, tokens, sentences, lex);
      lap('entities');
      const quotes = findQuotes(doc, tokens, sentences, entities, lex, []);
      lap('quotes');
      const result = toResult({ doc, boilerplate, sentences, tokens, entities, quotes, warnings: [] });
      lap('toResult');
      JSON.stringify(result);
      lap('JSON.stringify');
    }
    seconds = cpu() - begin;
  }
  return { stages, seconds };
}

function startup(runs = 9) {
  const sample = join(ROOT, 'fixtures', 'seed-xinhua-wang-lavrov', 'input.txt');
  const bare = median(Array.from({ length: runs }, () => measure([process.execPath, '-e', '0']).seconds));
  const one = median(Array.from({ length: runs }, () => measure([process.execPath, BIN, 'extract', sample, '--format', 'json']).seconds));
  return { bare, one };
}

function hotSpots(dir, top = 15) {
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!file) return [];
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const interval = (prof.endTime - prof.startTime) / Math.max(1, prof.samples.length) / 1000; // ms per sample
  const self = new Map();
  let total = 0;
  for (const node of prof.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = `${functionName || '(anonymous)'} ${url.replace(pathToFileURL(ROOT).href + '/', '')}:${lineNumber + 1}`;
    const ms = node.hitCount * interval;
    total += ms;
    self.set(where, (self.get(where) ?? 0) + ms);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([where, ms]) => ({ where, ms, share: ms / total }));
}

// ---------- main ----------

console.log(`newsnlp bench: building a corpus of ${ARTICLES} articles in ${CORPUS} …`);
buildCorpus();
const files = corpusFiles();
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const MB = bytes / 1e6;
console.log(`corpus: ${files.length} files, ${fmt(MB)} MB`);

const one = extractRun(1);
const pinned = TASKSET ? extractRun(1, [], { pinned: true }) : null;
const many = extractRun(JOBS);
// the per-core figure: one job on one core when it can be pinned, else one job as it runs
const perCore = pinned ?? one;
const norm = await normalizerRate(files);
const start = startup();

const rows = [
  ['extract, 1 job', `${fmt(MB / one.seconds, 2)} MB/s`, `${fmt(files.length / one.seconds, 0)} articles/s`, `${fmt(one.seconds, 2)} s`, `peak RSS ${fmt(one.rssMB, 0)} MB`],
  ...(pinned ? [['extract, 1 job, 1 core', `${fmt(MB / pinned.seconds, 2)} MB/s`, `${fmt(files.length / pinned.seconds, 0)} articles/s`, `${fmt(pinned.seconds, 2)} s`, `peak RSS ${fmt(pinned.rssMB, 0)} MB (taskset -c 0)`]] : []),
  [`extract, ${JOBS} jobs`, `${fmt(MB / many.seconds, 2)} MB/s`, `${fmt(files.length / many.seconds, 0)} articles/s`, `${fmt(many.seconds, 2)} s`, `peak RSS ${fmt(many.rssMB, 0)} MB`],
  ['normalizer alone', `${fmt(norm.mbps, 1)} MB/s`, '', `${fmt(norm.seconds, 2)} s`, ''],
  ['start-up, 1 article', `${fmt(start.one * 1000, 0)} ms`, `bare node ${fmt(start.bare * 1000, 0)} ms`, `${fmt(start.one / start.bare, 2)}×`, ''],
];
console.log('');
for (const r of rows) console.log(`${r[0].padEnd(22)} ${r[1].padEnd(14)} ${r[2].padEnd(20)} ${r[3].padEnd(10)} ${r[4]}`);

// cores actually used = CPU time / wall time: on a shared machine a low figure for the N-job run
// means other processes held the cores, not that the workers could not scale
console.log(`\ncores used: 1 job ${fmt(one.cpu / one.seconds, 2)}, ${JOBS} jobs ${fmt(many.cpu / many.seconds, 2)} (CPU ${fmt(one.cpu)} s / ${fmt(many.cpu)} s); load average now ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const speedup = perCore.seconds / many.seconds;
const perCoreLabel = pinned ? '1 job on 1 core' : '1 job (taskset not installed: not pinned)';
const checks = [
  [`≥ 10 MB/s end to end on one core (${perCoreLabel})`, MB / perCore.seconds >= 10, `${fmt(MB / perCore.seconds, 2)} MB/s`],
  [`≥ 1.7× that with ${JOBS} jobs`, JOBS < 2 ? null : speedup >= 1.7, `${fmt(speedup, 2)}× (unpinned 1 job: ${fmt(one.seconds / many.seconds, 2)}×)`],
  [`start-up within 3× of bare node`, start.one <= 3 * start.bare, `${fmt(start.one / start.bare, 2)}×`],
  [`peak RSS < 300 MB (${files.length} articles)`, Math.max(one.rssMB, many.rssMB) < 300, `${fmt(Math.max(one.rssMB, many.rssMB), 0)} MB`],
];
console.log('\ntargets (issue 7):');
for (const [what, ok, value] of checks) console.log(`  ${ok === null ? 'n/a ' : ok ? 'ok  ' : 'MISS'} ${what}: ${value}`);
if (!HAS_TIME) console.log('  (peak RSS needs /usr/bin/time: apt-get install time)');

if (STAGES) {
  const { stages, seconds } = await stageTimes(files);
  console.log(`\nCPU per stage, in process (second pass over the corpus, warm): ${fmt(seconds, 2)} s, ${fmt(MB / seconds, 2)} MB per CPU-second`);
  for (const [name, s] of Object.entries(stages)) console.log(`  ${name.padEnd(16)} ${fmt(s, 3).padStart(7)} s  ${fmt((s / seconds) * 100).padStart(5)}%`);
}

if (PROFILE) {
  const dir = join(BENCH, 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  extractRun(1, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  console.log(`\nhot spots (self time, 1 job; profile in ${dir}):`);
  for (const h of hotSpots(dir)) console.log(`  ${fmt(h.share * 100).padStart(5)}%  ${fmt(h.ms, 0).padStart(6)} ms  ${h.where}`);
}
