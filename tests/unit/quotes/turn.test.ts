import { describe, expect, it } from 'vitest';
import { runQuotes, type EntitySpec } from './helpers.js';

/**
 * "For his part" (من جانبه، من جهتها، بدوره …) opening a clause with a dropped subject turns to
 * the other party just mentioned, not to the one who spoke last.
 */
const sisi: EntitySpec = { id: 'sisi', forms: ['السيسي'] };
const rubio: EntitySpec = { id: 'rubio', forms: ['ماركو روبيو'] };
const mashat: EntitySpec = { id: 'mashat', gender: 'f', forms: ['رانيا المشاط'] };
const imf: EntitySpec = { id: 'imf', type: 'ORGANIZATION', forms: ['صندوق النقد الدولي'] };

describe('turn-taking adjuncts', () => {
  it.each([
    // [note, text, entities, speaker]
    ['من جانبه after a host received his guest: the guest', 'وقال السيسي إن مصر ترفض التهجير. واستقبل السيسي الوزير ماركو روبيو في القاهرة. من جانبه، أكد أن واشنطن تقدر الدور المصري.', [sisi, rubio], 'rubio'],
    ['وبدوره with a masculine verb after a feminine host: the organization met', 'وقالت رانيا المشاط إن المفاوضات إيجابية. والتقت المشاط بوفد من صندوق النقد الدولي. وبدوره، أشار إلى أن الشريحة ستصرف.', [mashat, imf], 'imf'],
    ['nobody else mentioned: the plain dropped subject', 'وقال السيسي إن مصر ترفض التهجير. من جانبه، أكد أن القاهرة مستعدة.', [sisi], 'sisi'],
  ] as [string, string, EntitySpec[], string][])('%s', (_note, text, entities, speaker) => {
    const { quotes } = runQuotes(text, entities);
    const q = quotes[quotes.length - 1];
    expect(q.speaker.entity).toBe(speaker);
    expect(q.speaker.implicit).toBe(true);
  });

  it('without the adjunct a dropped subject stays with the one who spoke last', () => {
    const { quotes } = runQuotes('وقال السيسي إن مصر ترفض التهجير. واستقبل السيسي الوزير ماركو روبيو في القاهرة. وأكد أن واشنطن تقدر الدور المصري.', [sisi, rubio]);
    expect(quotes[quotes.length - 1].speaker.entity).toBe('sisi');
  });
});
