import type { CliIO } from '../cli/io.js';

/**
 * Progress of a batch on stderr: a cli-progress bar when stderr is a terminal (files done/total,
 * articles per second, ETA), nothing otherwise; the summary line is separate (see summaryLine).
 */
export interface Progress {
  tick(done: number): void;
  stop(): void;
}

const SILENT: Progress = { tick() {}, stop() {} };

export async function startProgress(io: CliIO, total: number, enabled: boolean): Promise<Progress> {
  if (!enabled || !io.stderr.isTTY || total < 2) return SILENT;
  const { default: cliProgress } = await import('cli-progress'); // loaded only for a terminal
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: 'newsnlp {bar} {value}/{total} files | {rate} articles/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { rate: '0' });
  return {
    tick(done) {
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(0) : '0' });
    },
    stop() {
      bar.stop();
    },
  };
}

export interface BatchTotals {
  files: number;
  ok: number;
  errors: number;
  kept: number;
  entities: number;
  quotes: number;
  chars: number;
}

export const emptyTotals = (): BatchTotals => ({ files: 0, ok: 0, errors: 0, kept: 0, entities: 0, quotes: 0, chars: 0 });

export function summaryLine(t: BatchTotals, ms: number): string {
  const seconds = ms / 1000;
  const rate = seconds > 0 ? ` (${(t.ok / seconds).toFixed(0)} articles/s)` : '';
  const kept = t.kept ? `, ${t.kept} kept (output exists)` : '';
  return `newsnlp: ${count(t.files, 'file', 'files')}: ${t.ok} analysed, ${count(t.errors, 'error', 'errors')}${kept}; ${count(t.entities, 'entity', 'entities')}, ${count(t.quotes, 'quote', 'quotes')}; ${seconds.toFixed(1)} s${rate}\n`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
