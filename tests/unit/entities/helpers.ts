import { analyze } from '../../../src/extract.js';
import { loadLexicons } from '../../../src/io/lexicon-files.js';
import type { Lexicons } from '../../../src/lexicon/lexicons.js';
import type { Entity, EntityType } from '../../../src/types.js';

let builtin: Lexicons | null = null;
export function lexicons(): Lexicons {
  return (builtin ??= loadLexicons());
}

export interface FoundMention {
  type: EntityType;
  text: string;
  via: string;
  entity: Entity;
}

export function mentions(text: string, lex: Lexicons = lexicons()): FoundMention[] {
  return analyze(text, lex).entities.flatMap((entity) => entity.mentions.map((m) => ({ type: entity.type, text: m.text, via: m.via, entity })));
}
