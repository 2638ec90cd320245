#!/usr/bin/env python3
"""Build fixtures/<case>/input.txt + gold.json from a hand-annotated source (scripts/quote-fixtures/<case>.ann).

The annotation is hand-made; this script only strips the markup and computes code point offsets
(Python str indices), then re-checks every span against the text. Markup:
  header lines  `@ id | TYPE | name | name_en | role | gender`   (TYPE: PERSON, LOCATION, ORGANIZATION)
                `# description: …`, `# xfail: entities, quotes` (known gaps), then a line `---`,
                then the article.
  [text|id]     an entity mention of entity `id` (whole token, clitics included)
  [text|opt]    an optional span (demonyms, generic references)
  {cue|spk|fl}  a quote cue; spk = entity id, or `=text` (non-entity speaker, text it must overlap);
                fl: letters i = implicit speaker, o = optional (required false), d = direct, n = indirect
Sentences follow docs/fixtures.md: split after . ! ? ؟ ؛ … (closing quote marks kept) and at line
breaks; the first line is the title when it is one whole sentence not ending in . or ؛.
Usage: python3 scripts/quote-fixtures/build.py <case> [<case> …]
"""
import json, re, sys, os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TERM = set('.!?؟؛…')
CLOSERS = set('"»”’\')]}›')

def parse(src):
    head, body = src.split('\n---\n', 1)
    entities, description, xfail = {}, '', []
    for line in head.splitlines():
        if line.startswith('# description:'): description = line.split(':', 1)[1].strip()
        elif line.startswith('# xfail:'): xfail = [p.strip() for p in line.split(':', 1)[1].split(',') if p.strip()]
        elif line.startswith('@'):
            cells = [c.strip() for c in line[1:].split('|')]
            cells += [''] * (6 - len(cells))
            eid, typ, name, name_en, role, gender = cells[:6]
            e = {'id': eid, 'type': typ, 'name': name}
            if name_en: e['name_en'] = name_en
            if role: e['role'] = role
            e['mentions'] = []
            entities[eid] = e
    out, mentions, optional, cues = [], [], [], []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == '[':
            j = body.index(']', i)
            text, tag = body[i+1:j].rsplit('|', 1)
            start = len(''.join(out)); out.append(text)
            (optional if tag == 'opt' else mentions).append((start, start + len(text), text, tag))
            i = j + 1
        elif ch == '{':
            j = body.index('}', i)
            cue, spk, flags = (body[i+1:j].split('|') + [''])[:3]
            start = len(''.join(out)); out.append(cue)
            cues.append((start, start + len(cue), cue, spk, flags))
            i = j + 1
        else:
            out.append(ch); i += 1
    return description, entities, ''.join(out), mentions, optional, cues, xfail

def sentences(text):
    spans, start, i, n = [], 0, 0, len(text)
    def push(s, e):
        while s < e and text[s].isspace(): s += 1
        while e > s and text[e-1].isspace(): e -= 1
        if e > s: spans.append((s, e))
    while i < n:
        c = text[i]
        if c == '\n':
            push(start, i); start = i + 1; i += 1; continue
        if c in TERM and not (c == '.' and i > 0 and text[i-1].isdigit() and i + 1 < n and text[i+1].isdigit()):
            j = i + 1
            while j < n and text[j] in TERM: j += 1
            while j < n and text[j] in CLOSERS: j += 1
            push(start, j); start = j; i = j; continue
        i += 1
    push(start, n)
    return spans

def build(case):
    src = open(os.path.join(ROOT, 'scripts/quote-fixtures', case + '.ann'), encoding='utf-8').read()
    description, entities, text, mentions, optional, cues, xfail = parse(src)
    sents = sentences(text)
    def sent_of(pos):
        for k, (s, e) in enumerate(sents):
            if s <= pos < e: return k
        raise SystemExit(f'{case}: offset {pos} outside every sentence')
    first = sents[0]
    # the title: a whole first line, not ending in a full stop or semicolon (docs/fixtures.md)
    line_end = text.find('\n'); line_end = len(text) if line_end < 0 else line_end
    is_title = first[0] == 0 and first[1] == len(text[:line_end].rstrip()) and text[first[1]-1] not in '.؛'
    for s, e, t, tag in mentions:
        if tag not in entities: raise SystemExit(f'{case}: unknown entity {tag}')
        entities[tag]['mentions'].append({'start': s, 'end': e, 'text': t})
    quotes = []
    for s, e, t, spk, flags in cues:
        q = {}
        if spk.startswith('='):
            q['speaker'] = None; q['speaker_text'] = spk[1:]
            if spk[1:] not in text: raise SystemExit(f'{case}: speaker text not in article: {spk}')
        else:
            if spk not in entities: raise SystemExit(f'{case}: unknown speaker {spk}')
            q['speaker'] = spk
        q.update({'cue': t, 'cue_start': s, 'cue_end': e, 'sentence': sent_of(s), 'implicit_speaker': 'i' in flags})
        if 'd' in flags: q['kind'] = 'direct'
        elif 'n' in flags: q['kind'] = 'indirect'
        q['required'] = 'o' not in flags
        quotes.append(q)
    gold = {
        'offsets': 'codepoint',
        'description': description,
        'mode': 'subset',
        'title': {'start': first[0], 'end': first[1], 'text': text[first[0]:first[1]]} if is_title else None,
        'sentences': [{'start': s, 'end': e, 'text': text[s:e]} for s, e in sents],
        'entities': [e for e in entities.values()],
        'optional_spans': [{'start': s, 'end': e, 'text': t} for s, e, t, _ in optional],
        'quotes': quotes,
    }
    if xfail: gold['xfail'] = xfail
    verify(text, gold)
    d = os.path.join(ROOT, 'fixtures', case)
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, 'input.txt'), 'w', encoding='utf-8').write(text)
    open(os.path.join(d, 'gold.json'), 'w', encoding='utf-8').write(json.dumps(gold, ensure_ascii=False, indent=1) + '\n')
    print(f'{case}: {len(sents)} sentences, {sum(len(e["mentions"]) for e in gold["entities"])} mentions, {len(quotes)} quotes')

def verify(text, gold):
    spans = [gold['title']] if gold['title'] else []
    spans += gold['sentences'] + gold['optional_spans'] + [m for e in gold['entities'] for m in e['mentions']]
    for sp in spans:
        assert text[sp['start']:sp['end']] == sp['text'], sp
    for q in gold['quotes']:
        assert text[q['cue_start']:q['cue_end']] == q['cue'], q
    for e in gold['entities']:
        assert e['mentions'], f'entity without mentions: {e["id"]}'

if __name__ == '__main__':
    for c in sys.argv[1:]: build(c)
