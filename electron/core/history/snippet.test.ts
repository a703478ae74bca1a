// Snippets mark the words FTS5 matched, the way its unicode61 tokenizer sees them.
import { describe, expect, it } from 'vitest';
import { queryParts } from './search';
import { makeSnippet, tokensOf } from './snippet';

const snip = (content: string, query: string, width?: number) => makeSnippet(content, queryParts(query), width);

describe('snippet', () => {
  it('tokenizes like unicode61: letters and digits make words, case and Latin accents fold', () => {
    expect(tokensOf('Café-Crème, NAÏVE v2.0')).toEqual(['cafe', 'creme', 'naive', 'v2', '0']);
    expect(tokensOf('日本語のテキスト 東京')).toEqual(['日本語のテキスト', '東京']);
    expect(tokensOf('party 🎉 time')).toEqual(['party', 'time']);
    expect(tokensOf('𝒜𝒷𝒸 x')).toEqual(['𝒜𝒷𝒸', 'x']);
    // Decomposed accents stay inside the word (and fold away); Greek final sigma folds to σ.
    expect(tokensOf('e\u0301cole cafe\u0301s')).toEqual(['ecole', 'cafes']);
    expect(tokensOf('ΟΔΥΣ')).toEqual(['οδυσ']);
  });

  it('marks prefix words, whole phrases and folded forms', () => {
    expect(snip('Un café à Paris', 'CAFE par')).toBe('Un \u0001café\u0002 à \u0001Paris\u0002');
    expect(snip('Retry with backoff, then retry backoff again', '"retry backoff"')).toBe('Retry with backoff, then \u0001retry backoff\u0002 again');
    // A phrase's last word is whole; an unquoted word is a prefix.
    expect(snip('indexes and index', '"index"')).toBe('indexes and \u0001index\u0002');
    expect(snip('indexes and index', 'index')).toBe('\u0001indexes\u0002 and \u0001index\u0002');
    // "foo-bar" is the phrase foo bar, as FTS5 reads it.
    expect(snip('see stream_by_index here', 'by-index')).toBe('see stream_\u0001by_index\u0002 here');
    expect(snip('Привет мир', 'ПРИВ')).toBe('\u0001Привет\u0002 мир');
    expect(snip('une e\u0301cole', 'ecole')).toBe('une \u0001e\u0301cole\u0002');
    expect(snip('Ο ΟΔΥΣΣΕΑΣ', 'ΟΔΥΣ')).toBe('Ο \u0001ΟΔΥΣΣΕΑΣ\u0002');
  });

  it('is a window around the best group of matches, with an ellipsis where text was cut', () => {
    const filler = (n: number, w: string) => Array.from({ length: n }, () => w).join(' ');
    const text = `${filler(30, 'alpha')} database ${filler(30, 'beta')} database index ${filler(30, 'gamma')}`;
    const s = snip(text, 'database index', 8);
    expect(s).toBe('…beta beta \u0001database\u0002 \u0001index\u0002 gamma gamma gamma gamma…');
    expect(snip('one two three', 'two', 12)).toBe('one \u0001two\u0002 three');
    // Text before the first word and after the last is kept when the window reaches them.
    expect(snip('What is this?', 'this')).toBe('What is \u0001this\u0002?');
    expect(snip('**bold** word', 'bold')).toBe('**\u0001bold\u0002** word');
    // Overlapping phrases make one mark over both.
    expect(snip('one two three four five', '"two three" "three four"')).toBe('one \u0001two three four\u0002 five');
  });

  it('never lets the text forge a mark, and falls back to the start without a match', () => {
    expect(snip('a \u0001fake\u0002 mark and a real one', 'real')).toBe('a  fake  mark and a \u0001real\u0002 one');
    expect(snip('nothing to see here at all, really nothing', 'absent', 4)).toBe('nothing to see here…');
    expect(snip('…', 'x')).toBe('…');
    expect(snip('', 'x')).toBe('');
    expect(snip('text', '🎉')).toBe('text');
  });

  it('any text and query: never throws, marks are balanced and never nested', () => {
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const bits = ['a', 'ab', 'abc', 'two', 'three', ' ', ' ', '-', '"', '\u0001', '\u0002', 'e\u0301', 'Σ', 'ς', '日本', '🎉', '\uD800', '.', '\n'];
    const make = (n: number) => Array.from({ length: n }, () => bits[rnd(bits.length)]).join('');
    for (let k = 0; k < 3000; k++) {
      const text = make(rnd(40));
      const query = make(rnd(6));
      const out = snip(text, query, 1 + rnd(14));
      let depth = 0;
      for (const ch of out) {
        if (ch === '\u0001') depth++;
        if (ch === '\u0002') depth--;
        expect(depth === 0 || depth === 1, JSON.stringify({ text, query, out })).toBe(true);
      }
      expect(depth, JSON.stringify({ text, query, out })).toBe(0);
    }
  });
});
