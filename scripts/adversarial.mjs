#!/usr/bin/env node
// Adversarial inputs, timed: runs the BUILT CLI (`node bin/newsnlp.js extract FILE --format json
// > /dev/null`) on inputs designed to make a text pipeline run away, each under a time limit,
// and prints wall seconds and peak RSS per case. Every case also runs at a quarter of its size:
// a 4x larger input taking far more than 4x the time flags super-linear behaviour.
//
//   npm run build && node scripts/adversarial.mjs            # all cases, full size (slow: minutes)
//   node scripts/adversarial.mjs --scale 0.1                 # every size x0.1 (quick look)
//   node scripts/adversarial.mjs --only quotes,brackets      # some cases
//   node scripts/adversarial.mjs --limit 60 --json           # per-run time limit; JSON report
//   node scripts/adversarial.mjs --write-inputs DIR --scale 0.1   # only write the inputs (for profiling)
//   node scripts/adversarial.mjs --list-regexes              # every regex of src/ (for the audit in docs/robustness.md)
//
// Not a test (timings are not assertions): the numbers go to docs/robustness.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'newsnlp.js');

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const o = { scale: 1, limit: 180, only: null, json: false, growth: true, keep: false, writeInputs: null, listRegexes: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scale') o.scale = Number(argv[++i]);
    else if (a === '--limit') o.limit = Number(argv[++i]);
    else if (a === '--only') o.only = argv[++i].split(',');
    else if (a === '--json') o.json = true;
    else if (a === '--no-growth') o.growth = false;
    else if (a === '--keep') o.keep = true;
    else if (a === '--write-inputs') o.writeInputs = argv[++i];
    else if (a === '--list-regexes') o.listRegexes = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 12).join('\n').replace(/^\/\/ ?/gm, '') + '\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!(o.scale > 0) || !(o.limit > 0)) throw new Error('--scale and --limit must be positive numbers');
  return o;
}

// ---------------------------------------------------------------- vocabulary
/** Arabic forms from the shipped lexicons (any cell with an Arabic letter), so names and cues are real. */
function lexiconWords() {
  const dir = join(ROOT, 'lexicons');
  const words = new Set();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.tsv'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split(/\r?\n/)) {
      if (line.startsWith('#')) continue;
      for (const cell of line.split('\t')) if (/^[\u0600-\u06ff ]{2,40}$/.test(cell.trim())) words.add(cell.trim());
    }
  }
  return [...words].sort();
}

const CUES = ['قال', 'وقال', 'أكد', 'وأكد', 'أضاف', 'وأضاف', 'صرح', 'أعلن', 'أوضح', 'ذكر', 'أشار', 'نقل'];
const FILLER = ['في', 'من', 'إلى', 'على', 'أن', 'الذي', 'مع', 'هذا', 'بين', 'خلال', 'بعد', 'وزير', 'الخارجية', 'الرئيس', 'الحكومة', 'اليوم', 'الاجتماع', 'التعاون', 'الدول', 'بيان'];

/** Deterministic pseudo-random numbers (mulberry32), so inputs are the same on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A realistic news paragraph: sentences with names, cues, quotes, numbers. */
function newsParagraph(rand, names) {
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const sentences = [];
  const n = 2 + Math.floor(rand() * 4);
  for (let s = 0; s < n; s++) {
    const words = [];
    const len = 8 + Math.floor(rand() * 20);
    for (let w = 0; w < len; w++) words.push(rand() < 0.15 ? pick(names) : pick(FILLER));
    const kind = rand();
    if (kind < 0.3) sentences.push(`${pick(CUES)} ${pick(names)} إن ${words.join(' ')}.`);
    else if (kind < 0.5) sentences.push(`${pick(CUES)} ${pick(names)}: «${words.join(' ')}».`);
    else if (kind < 0.6) sentences.push(`وبلغ النمو ${Math.floor(rand() * 100)}.${Math.floor(rand() * 10)} بالمئة في ${words.join(' ')}.`);
    else sentences.push(`${words.join(' ')}، ${pick(CUES)} ${pick(names)}.`);
  }
  return sentences.join(' ');
}

/** Repeat `unit()` until `bytes` UTF-8 bytes are reached. */
function fillTo(bytes, unit) {
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const p = unit();
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}

// ---------------------------------------------------------------- cases
// Each case builds its input for a size factor f (1 = the full size in the issue, 0.25 = a
// quarter), returning { text, lexicon? } where lexicon is the TSV text of a user lexicon.
function cases(names) {
  const MB = 1024 * 1024;
  return [
    {
      name: 'article-50MB',
      what: 'a 50 MB article of realistic news paragraphs',
      build: (f) => {
        const rand = rng(1);
        return { text: fillTo(50 * MB * f, () => newsParagraph(rand, names) + '\n\n') };
      },
    },
    {
      name: 'folder-4000-files',
      what: 'a folder of 4,000 articles of ~5 KB (20 MB): peak memory must not grow with the folder',
      boundedMemory: true,
      build: (f) => {
        const rand = rng(6);
        const n = Math.round(4000 * f);
        const files = new Array(n);
        for (let i = 0; i < n; i++) files[i] = fillTo(5 * 1024, () => newsParagraph(rand, names) + '\n\n');
        return { folder: files };
      },
    },
    {
      name: 'line-5MB-no-spaces',
      what: 'a 5 MB line of Arabic letters without a space',
      build: (f) => ({ text: 'بسم'.repeat(Math.round((5 * MB * f) / 6)) + '\n' }),
    },
    {
      name: 'line-5MB-latin',
      what: 'a 5 MB line of Latin letters and digits (base64-like) ending in a dot',
      build: (f) => {
        const rand = rng(5);
        const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
        const n = Math.round(5 * MB * f);
        const chars = new Array(n);
        for (let i = 0; i < n; i++) chars[i] = abc[Math.floor(rand() * abc.length)];
        return { text: 'نص الخبر ' + chars.join('') + '.\n' };
      },
    },
    {
      name: 'quotes-100k',
      what: '100,000 quote marks of every kind, unbalanced, between words, in one sentence',
      build: (f) => {
        const marks = ['«', '»', '"', '“', '”', '«', "'"];
        const n = Math.round(100_000 * f);
        const parts = [];
        for (let i = 0; i < n; i++) parts.push(marks[i % marks.length] + (i % 3 ? 'قال' : ''));
        return { text: 'قال الوزير ' + parts.join(' ') + '\n' };
      },
    },
    {
      name: 'quotes-100k-run',
      what: '100,000 opening guillemets in a row, then a cue and no closer',
      build: (f) => ({ text: '«'.repeat(Math.round(100_000 * f)) + ' قال الوزير إن الصين مهمة\n' }),
    },
    {
      name: 'brackets-100k',
      what: '100,000 nested brackets around a name',
      build: (f) => {
        const n = Math.round(50_000 * f);
        return { text: 'قال ' + '(['.repeat(n / 2) + 'الصين' + '])'.repeat(n / 2) + ' ' + '('.repeat(n) + ' روسيا.\n' };
      },
    },
    {
      name: 'sentence-200k-words',
      what: 'one sentence of 200,000 words (names, cues, filler), no terminator',
      build: (f) => {
        const rand = rng(2);
        const pool = [...FILLER, ...CUES, ...names];
        const n = Math.round(200_000 * f);
        const words = new Array(n);
        for (let i = 0; i < n; i++) words[i] = pool[Math.floor(rand() * pool.length)];
        return { text: words.join(' ') + '\n' };
      },
    },
    {
      name: 'cues-100k',
      what: '100,000 reporting cues in a row',
      build: (f) => {
        const n = Math.round(100_000 * f);
        const words = new Array(n);
        for (let i = 0; i < n; i++) words[i] = CUES[i % CUES.length];
        return { text: words.join(' ') + '.\n' };
      },
    },
    {
      name: 'interview-50k',
      what: 'an interview of 50,000 question and answer lines after one quoted person',
      build: (f) => {
        const n = Math.round(50_000 * f);
        const parts = ['وقال الوزير أيمن الصفدي إن الحوار مستمر.'];
        for (let i = 0; i < n; i++) parts.push(i % 2 ? 'ج: العلاقات جيدة والحوار مستمر.' : 'س: كيف ترون العلاقات؟');
        return { text: parts.join('\n') + '\n' };
      },
    },
    {
      name: 'joint-statements-30k',
      what: '30,000 joint statements of coordinated speakers, each followed by a dual pro-drop cue and على حد قوله',
      build: (f) => {
        const n = Math.round(30_000 * f);
        const parts = [];
        const people = ['سيرغي لافروف', 'وانغ يي', 'أنطونيو غوتيريش', 'محمود عباس', 'نبيه بري', 'ماريا زاخاروفا', 'فلاديمير بوتين'];
        for (let i = 0; i < n; i++) parts.push(`وقال ${people[i % people.length]} و${people[(i + 3) % people.length]} إن الحوار مستمر. وأكدا أن التنسيق قائم. والوضع "صعب"، على حد قوله.`);
        return { text: parts.join(' ') + '\n' };
      },
    },
    {
      name: 'sentences-1M',
      what: '1,000,000 one-word sentences ("he said.")',
      build: (f) => ({ text: 'قال. '.repeat(Math.round(1_000_000 * f)) + '\n' }),
    },
    {
      name: 'boilerplate-one-line',
      what: 'a boilerplate phrase 50,000 times on one line (per-match line scans)',
      build: (f) => ({ text: 'نص الخبر.\n' + 'ملفات تعريف الارتباط '.repeat(Math.round(50_000 * f)) + '\n' }),
    },
    {
      name: 'lexicon-200k',
      what: 'a user lexicon of 200,000 person entries (--lexicon), on a 1 MB article',
      build: (f) => {
        const rand = rng(3);
        const syll = ['با', 'سم', 'نو', 'ري', 'كا', 'لي', 'مو', 'دي', 'فا', 'طه', 'جو', 'ها', 'زي', 'قو', 'شا', 'ثر'];
        const word = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syll[Math.floor(rand() * syll.length)]).join('');
        const n = Math.round(200_000 * f);
        const rows = ['id\trel\tform\tname_en'];
        const forms = [];
        for (let i = 0; i < n; i++) {
          const form = `${word()} ${word()}${rand() < 0.3 ? ' ' + word() : ''}`;
          forms.push(form);
          rows.push(`gen:${i}\tname\t${form}\tGen ${i}`);
        }
        const rand2 = rng(4);
        const text = fillTo(1 * MB, () => newsParagraph(rand2, [...names, forms[Math.floor(rand2() * forms.length)]]) + '\n\n');
        return { text, lexicon: { file: 'person.adversarial.tsv', text: rows.join('\n') + '\n' } };
      },
    },
    {
      name: 'lexicon-long-forms',
      what: 'a user lexicon of 50 forms of 400 tokens each (scaled), on 20,000 words matching their first tokens',
      build: (f) => {
        const tokens = Math.max(2, Math.round(400 * f));
        const rows = ['id\trel\tform\tname_en'];
        for (let i = 0; i < 50; i++) rows.push(`long:${i}\tname\t${'قال '.repeat(tokens - 1)}نهاية${i}\tLong ${i}`);
        return { text: 'قال '.repeat(20_000) + '\n', lexicon: { file: 'person.long.tsv', text: rows.join('\n') + '\n' } };
      },
    },
  ];
}

// ---------------------------------------------------------------- running
function cliSupports(option) {
  const r = spawnSync(process.execPath, [BIN, 'extract', '--help'], { encoding: 'utf8' });
  return (r.stdout ?? '').includes(option);
}

/** Run the CLI on one input under a time limit; wall seconds and peak RSS from /usr/bin/time. */
function runOnce(dir, label, input, o, extraArgs) {
  let file = join(dir, `${label}.txt`);
  let args;
  if (input.folder) {
    // a corpus folder: the batch path (workers, bounded window), JSONL to /dev/null
    file = join(dir, label);
    mkdirSync(file, { recursive: true });
    input.folder.forEach((text, i) => writeFileSync(join(file, `${String(i).padStart(6, '0')}.txt`), text));
    args = [BIN, 'extract', file, '--format', 'jsonl', '--quiet', ...extraArgs];
  } else {
    writeFileSync(file, input.text);
    args = [BIN, 'extract', file, '--format', 'json', ...extraArgs];
  }
  if (input.lexicon) {
    const lexFile = join(dir, input.lexicon.file);
    writeFileSync(lexFile, input.lexicon.text);
    args.push('--lexicon', lexFile);
  }
  const timeFile = join(dir, `${label}.time`);
  const haveTime = existsSync('/usr/bin/time');
  const cmd = haveTime ? '/usr/bin/time' : 'timeout';
  const cmdArgs = haveTime ? ['-o', timeFile, '-f', '%e %M', 'timeout', '-s', 'KILL', String(o.limit), process.execPath, ...args] : ['-s', 'KILL', String(o.limit), process.execPath, ...args];
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let seconds = wall;
  let rssMB = null;
  if (haveTime && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const m = /^([\d.]+) (\d+)$/.exec(last);
    if (m) {
      seconds = Number(m[1]);
      rssMB = Number(m[2]) / 1024;
    }
  }
  const bytes = input.folder ? input.folder.reduce((n, t) => n + Buffer.byteLength(t), 0) : statSync(file).size;
  const timedOut = r.status === 137 || r.status === 124 || /Command terminated by signal 9/.test(readFileSyncSafe(timeFile));
  if (timedOut) rssMB = null; // the killed process's peak is not reported
  const errLine = (r.stderr ?? '').split('\n').find((l) => l.trim()) ?? '';
  rmSync(file, { force: true, recursive: true });
  return { bytes, seconds, rssMB, exit: r.status, timedOut, stderr: errLine.slice(0, 160) };
}

function readFileSyncSafe(p) {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

/** 4x the input should cost about 4x the time; well above that (after startup) is super-linear. */
function growthVerdict(small, big, startup) {
  if (big.timedOut) return 'TIMEOUT';
  if (big.exit !== 0) return `exit ${big.exit}`;
  const a = Math.max(0.01, small.seconds - startup);
  const b = Math.max(0.01, big.seconds - startup);
  const ratio = b / a;
  if (big.seconds < 1) return `ok (<1 s)`;
  if (ratio > 8) return `SUPER-LINEAR (x${ratio.toFixed(1)} for 4x)`;
  if (ratio > 5.5) return `borderline (x${ratio.toFixed(1)} for 4x)`;
  return `ok (x${ratio.toFixed(1)} for 4x)`;
}

function fmtBytes(n) {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(0)} KB`;
}

/** Every regular expression literal and `new RegExp(...)` in src/, with file:line (TypeScript's parser). */
async function listRegexes() {
  const { default: ts } = await import('typescript');
  const files = [];
  const walk = (d) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(join(ROOT, 'src'));
  for (const f of files) {
    const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n) => {
      const isLiteral = n.kind === ts.SyntaxKind.RegularExpressionLiteral;
      const isCtor = ts.isNewExpression(n) && n.expression.getText() === 'RegExp';
      if (isLiteral || isCtor) {
        const line = src.getLineAndCharacterOfPosition(n.getStart()).line + 1;
        process.stdout.write(`${f.slice(ROOT.length + 1)}:${line}\t${n.getText().replace(/\s+/g, ' ').slice(0, 300)}\n`);
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
}

/** Write each case's input (and user lexicon) into a folder, without running anything. */
function writeInputs(o) {
  const names = lexiconWords();
  for (const c of cases(names)) {
    if (o.only && !o.only.includes(c.name)) continue;
    const input = c.build(o.scale);
    if (input.folder) {
      mkdirSync(join(o.writeInputs, c.name), { recursive: true });
      input.folder.forEach((t, i) => writeFileSync(join(o.writeInputs, c.name, `${String(i).padStart(6, '0')}.txt`), t));
      process.stdout.write(`${join(o.writeInputs, c.name)}/ (${input.folder.length} files)\n`);
      continue;
    }
    writeFileSync(join(o.writeInputs, `${c.name}.txt`), input.text);
    if (input.lexicon) writeFileSync(join(o.writeInputs, input.lexicon.file), input.lexicon.text);
    process.stdout.write(`${join(o.writeInputs, c.name + '.txt')}${input.lexicon ? ` (lexicon ${input.lexicon.file})` : ''}\n`);
  }
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.listRegexes) return void listRegexes();
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('adversarial: dist/ is missing; run `npx tsc -p .` first\n');
    process.exit(2);
  }
  if (o.writeInputs) return writeInputs(o);
  const extraArgs = cliSupports('--max-bytes') ? ['--max-bytes', String(1024 * 1024 * 1024)] : [];
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-adversarial-'));
  const names = lexiconWords();
  const rows = [];
  try {
    const startup = runOnce(dir, 'startup', { text: 'قال الوزير.\n' }, o, extraArgs).seconds;
    if (!o.json) process.stdout.write(`startup (one sentence): ${startup.toFixed(2)} s; scale ${o.scale}; limit ${o.limit} s per run\n\n`);
    for (const c of cases(names)) {
      if (o.only && !o.only.includes(c.name)) continue;
      const small = o.growth ? runOnce(dir, `${c.name}-q`, c.build(0.25 * o.scale), o, extraArgs) : null;
      // when a quarter of the input already hits the limit, the full size cannot do better
      const big = small?.timedOut ? { ...small, bytes: small.bytes * 4 } : runOnce(dir, c.name, c.build(o.scale), o, extraArgs);
      let verdict = small ? growthVerdict(small, big, startup) : big.timedOut ? 'TIMEOUT' : big.exit === 0 ? 'ok' : `exit ${big.exit}`;
      if (c.boundedMemory && small?.rssMB && big.rssMB) verdict += big.rssMB > 2 * small.rssMB ? `; MEMORY GROWS (x${(big.rssMB / small.rssMB).toFixed(1)} for 4x)` : `; memory bounded (x${(big.rssMB / small.rssMB).toFixed(1)} for 4x)`;
      const row = { case: c.name, what: c.what, bytes: big.bytes, seconds: big.seconds, rssMB: big.rssMB, exit: big.exit, quarterSeconds: small?.seconds ?? null, verdict, stderr: big.exit === 0 ? '' : big.stderr };
      rows.push(row);
      if (!o.json) {
        process.stdout.write(
          `${c.name.padEnd(22)} ${fmtBytes(big.bytes).padStart(9)}  ${big.seconds.toFixed(2).padStart(7)} s  ${(small ? small.seconds.toFixed(2) : '-').padStart(6)} s@¼  ${(big.rssMB === null ? '?' : big.rssMB.toFixed(0)).padStart(5)} MB  ${verdict}${row.stderr ? `  [${row.stderr}]` : ''}\n`,
        );
      }
    }
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
  if (o.json) process.stdout.write(JSON.stringify({ scale: o.scale, limit: o.limit, rows }, null, 2) + '\n');
  else {
    process.stdout.write('\n| case | input | seconds | seconds at ¼ | peak RSS | verdict |\n|---|---|---|---|---|---|\n');
    for (const r of rows) process.stdout.write(`| ${r.case} | ${fmtBytes(r.bytes)} | ${r.seconds.toFixed(2)} | ${r.quarterSeconds === null ? '-' : r.quarterSeconds.toFixed(2)} | ${r.rssMB === null ? '?' : r.rssMB.toFixed(0) + ' MB'} | ${r.verdict} |\n`);
  }
  process.exitCode = rows.some((r) => /SUPER|TIMEOUT|exit/.test(r.verdict)) ? 1 : 0;
}

main();
