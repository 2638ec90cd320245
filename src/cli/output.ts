import { Command, Option } from 'commander';
import { Chalk } from 'chalk';
import { renderJson, renderJsonLine } from '../render/json.js';
import { renderPretty } from '../render/pretty.js';
import type { ExtractResult } from '../result.js';
import type { CliIO } from './io.js';

/**
 * The seam between the extract command (inputs, batches) and rendering (formats). The extract
 * command adds these options and hands each result to the renderer; everything about formats
 * lives here and in src/render/.
 */
export interface OutputFlags {
  format?: string;
  color: boolean;
  includeText?: boolean;
}

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format (default: pretty on a terminal, json for one input otherwise, jsonl for several)').choices(['json', 'jsonl', 'pretty']))
    .option('--no-color', 'no colors in pretty output (NO_COLOR is honoured too)')
    .option('--include-text', 'embed the analysed text in the JSON output as "text"');
}

export interface Renderer {
  /** Format actually used. */
  format: string;
  /** Write one article's result. */
  article(result: ExtractResult): void;
  /** Write an error record for an input that failed (formats that stream records only). */
  error(source: string, code: string, message: string): void;
  /** Called once after the last article. */
  end(): void;
}

export function makeRenderer(io: CliIO, flags: OutputFlags, inputCount: number): Renderer {
  const format = flags.format ?? (io.stdout.isTTY ? 'pretty' : inputCount > 1 ? 'jsonl' : 'json');
  const chalk = new Chalk({ level: flags.color && !io.env.NO_COLOR && io.stdout.isTTY ? 3 : 0 });
  return {
    format,
    article(result) {
      if (format === 'jsonl') io.stdout.write(renderJsonLine(result));
      else if (format === 'json') io.stdout.write(renderJson(result));
      else io.stdout.write(renderPretty(result, { chalk, shape: (s) => s }));
    },
    error(source, code, message) {
      if (format === 'jsonl') io.stdout.write(renderJsonLine({ source, error: { code, message } }));
    },
    end() {},
  };
}
