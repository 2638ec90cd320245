#!/usr/bin/env node
/**
 * Quote scorer for iteration (not the official `newsnlp check`): over every fixtures/<case>/gold.json with a
 * `quotes` list, run the built pipeline (dist/) and report
 *   cue P/R/F1 — a gold quote is found when a predicted quote in the same sentence has a cue
 *                overlapping the gold cue; optional gold quotes are neither counted nor penalized;
 *   end-to-end P/R/F1 — the cue is found AND the speaker is right: the predicted speaker entity
 *                has a mention overlapping a mention of the gold entity, or the predicted speaker
 *                span overlaps such a mention, or (non-entity gold speakers) the predicted and gold
 *                speaker texts overlap.
 * Usage: npm run build && node scripts/score-quotes.mjs [fixture-dir …] [--verbose]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, loadLexicons, toResult } from '../dist/index.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dirs = args.filter((a) => !a.startsWith('--'));
const root = new URL('../fixtures/', import.meta.url).pathname;
const cases = dirs.length ? dirs : readdirSync(root).map((d) => join(root, d)).filter((d) => existsSync(join(d, 'gold.json')));
const lex = loadLexicons();

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const total = { gold: 0, pred: 0, cueTp: 0, e2eTp: 0, predMatched: 0, predE2e: 0 };
const rows = [];
for (const dir of cases.sort()) {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
  if (!gold.quotes) continue;
  const text = readFileSync(join(dir, 'input.txt'), 'utf8').replace(/^\uFEFF/, '');
  const r = toResult(analyze(text, lex));
  const goldEntities = new Map((gold.entities ?? []).map((e) => [e.id, e]));
  const predEntities = new Map(r.entities.map((e) => [e.id, e]));
  const speakerRight = (g, p) => {
    if (g.speaker) {
      const ge = goldEntities.get(g.speaker);
      if (!ge) return false;
      const pe = p.speaker.entity ? predEntities.get(p.speaker.entity) : null;
      if (pe && pe.mentions.some((m) => ge.mentions.some((gm) => overlaps(m, gm)))) return true;
      return p.speaker.start !== undefined && ge.mentions.some((gm) => overlaps(p.speaker, gm));
    }
    const gt = g.speaker_text ?? '';
    const pt = p.speaker.text ?? '';
    return pt.length > 0 && (pt.includes(gt) || gt.includes(pt) || sharesWord(pt, gt));
  };
  const cueOf = (g) => ({ start: g.cue_start, end: g.cue_end });
  const used = new Set();
  let gReq = 0, cueTp = 0, e2eTp = 0;
  const notes = [];
  for (const g of gold.quotes) {
    const p = r.quotes.find((q, k) => !used.has(k) && q.sentence === g.sentence && overlaps(q.cue, cueOf(g)));
    const k = p ? r.quotes.indexOf(p) : -1;
    if (p) used.add(k);
    if (!g.required) continue;
    gReq++;
    if (!p) { notes.push(`  miss  s${g.sentence} ${g.cue} (${g.speaker ?? g.speaker_text})`); continue; }
    cueTp++;
    if (speakerRight(g, p)) e2eTp++;
    else notes.push(`  spkr  s${g.sentence} ${g.cue}: gold ${g.speaker ?? g.speaker_text}${g.implicit_speaker ? ' (implicit)' : ''}, got ${p.speaker.entity ?? '-'} "${p.speaker.text}"`);
  }
  // predictions matched to optional gold quotes are neither right nor wrong
  const optionalHits = [...used].filter((k) => {
    const q = r.quotes[k];
    return gold.quotes.some((g) => !g.required && q.sentence === g.sentence && overlaps(q.cue, cueOf(g)));
  }).length;
  const pred = r.quotes.length - optionalHits;
  r.quotes.forEach((q, k) => { if (!used.has(k)) notes.push(`  extra s${q.sentence} ${q.cue.text} → ${q.speaker.entity ?? '-'} "${q.speaker.text}"`); });
  total.gold += gReq; total.pred += pred; total.cueTp += cueTp; total.e2eTp += e2eTp;
  rows.push({ name: dir.split('/').filter(Boolean).pop(), gReq, pred, cueTp, e2eTp, notes, warnings: r.warnings.length });
}
function sharesWord(a, b) {
  const wa = new Set(a.split(/\s+/));
  return b.split(/\s+/).some((w) => w.length > 2 && wa.has(w));
}
const prf = (tp, pred, gold) => {
  const p = pred ? tp / pred : 0, r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (x) => x.toFixed(3);
for (const row of rows) {
  const c = prf(row.cueTp, row.pred, row.gReq), e = prf(row.e2eTp, row.pred, row.gReq);
  console.log(`${row.name.padEnd(34)} gold ${String(row.gReq).padStart(2)} pred ${String(row.pred).padStart(2)}  cue F1 ${fmt(c.f)}  e2e F1 ${fmt(e.f)}  warnings ${row.warnings}`);
  if (verbose) for (const n of row.notes) console.log(n);
}
const c = prf(total.cueTp, total.pred, total.gold), e = prf(total.e2eTp, total.pred, total.gold);
console.log(`ALL: cue P ${fmt(c.p)} R ${fmt(c.r)} F1 ${fmt(c.f)} | end-to-end P ${fmt(e.p)} R ${fmt(e.r)} F1 ${fmt(e.f)} (required gold ${total.gold}, predicted ${total.pred})`);
