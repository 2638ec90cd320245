import { describe, expect, it } from 'vitest';
import { mentions } from './helpers.js';

/**
 * Entries of lexicons/person.figures.tsv and lexicons/org.bodies.tsv are found in running text,
 * with proclitics and by a distinctive surname alone, and link to their canonical id.
 */
const FOUND: { note: string; text: string; mention: string; id: string }[] = [
  { note: 'full name after a title links to the listed minister', text: 'وقال وزير الخارجية الأمريكي ماركو روبيو إن بلاده ملتزمة بأمن المنطقة.', mention: 'ماركو روبيو', id: 'person:marco-rubio' },
  { note: 'a distinctive surname alone (الجدعان) is the Saudi finance minister', text: 'وأشار الجدعان إلى أن عجز الميزانية سيتراجع هذا العام.', mention: 'الجدعان', id: 'person:mohammed-al-jadaan' },
  { note: 'surname with wa- + li- proclitics (ولأخنوش)', text: 'وجه البرلمان انتقادات شديدة للحكومة، ولأخنوش تحديدا، بسبب الأسعار.', mention: 'أخنوش', id: 'person:aziz-akhannouch' },
  { note: 'surname with bi- proclitic (بقاليباف)', text: 'التقى الوفد بقاليباف في طهران أمس.', mention: 'قاليباف', id: 'person:mohammad-bagher-ghalibaf' },
  { note: 'a spelling variant (هيجسيث with ج for g) links to the same id', text: 'وقال بيت هيجسيث إن القوات جاهزة.', mention: 'بيت هيجسيث', id: 'person:pete-hegseth' },
  { note: 'a Mauritanian name with ولد is found whole', text: 'استقبل الرئيس محمد ولد الشيخ الغزواني السفير الفرنسي.', mention: 'محمد ولد الشيخ الغزواني', id: 'person:mohamed-ould-ghazouani' },
  { note: 'an armed group that rules took for a person (عصائب أهل) is one organization', text: 'وقال قيادي في عصائب أهل الحق إن الفصائل ملتزمة بالتهدئة.', mention: 'عصائب أهل الحق', id: 'org:asaib' },
  { note: 'a UN office by its Arabic acronym (أوتشا)', text: 'وحذر مكتب أوتشا من تفاقم الأزمة الإنسانية.', mention: 'أوتشا', id: 'org:ocha' },
  { note: 'a longer listed name wins over the shorter generic one (مجلس الشورى الإسلامي, not مجلس الشورى)', text: 'صادق مجلس الشورى الإسلامي على الموازنة الجديدة.', mention: 'مجلس الشورى الإسلامي', id: 'org:majlis-iran' },
  { note: 'an Arab regional body with the li- proclitic (لمنظمة الأقطار …)', text: 'أعلن الأمين العام لمنظمة الأقطار العربية المصدرة للبترول أن الطلب سيرتفع.', mention: 'منظمة الأقطار العربية المصدرة للبترول', id: 'org:oapec' },
];

/** Ordinary words that look like listed forms must not become those entities. */
const NOT_FOUND: { note: string; text: string; id: string }[] = [
  { note: '"the names of the lion" is no person (أسماء الأسد is not listed)', text: 'ومن أسماء الأسد في اللغة العربية الليث والضرغام.', id: 'person:asma-al-assad' },
  { note: '"the new Arab interest" is no newspaper: only صحيفة العربي الجديد is listed', text: 'قال الباحث إنه سعيد بالاهتمام العربي الجديد بالآثار.', id: 'org:alaraby' },
  { note: 'the adjective الفياض "abundant" is no surname alias', text: 'وتحدث الخطيب عن العطاء الفياض للمتطوعين.', id: 'person:falih-al-fayyadh' },
];

describe('figures and bodies gazetteers', () => {
  it.each(FOUND)('$note', ({ text, mention, id }) => {
    const found = mentions(text).find((m) => m.text === mention);
    expect(found?.entity.id).toBe(id);
  });
  it.each(NOT_FOUND)('$note', ({ text, id }) => {
    expect(mentions(text).map((m) => m.entity.id)).not.toContain(id);
  });
});
