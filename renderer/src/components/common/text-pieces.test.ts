import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../markdown/Markdown';
import { estimateLines, PIECE_CHARS, TextPieces, textPieces } from './TextPieces';

const words = (n: number) => 'All work and no play makes a very long reply.\n'.repeat(Math.ceil(n / 46)).slice(0, n);

describe('textPieces', () => {
  it('cuts a long text at whitespace into pieces that join back to it', () => {
    const text = words(95_000);
    const pieces = textPieces(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThanOrEqual(10);
    for (const p of pieces.slice(0, -1)) {
      expect(p.length).toBeLessThanOrEqual(PIECE_CHARS);
      expect(p.length).toBeGreaterThan(PIECE_CHARS / 2);
      expect(p).toMatch(/\n$/);
    }
    // With no line break in reach, at a space.
    const spaced = textPieces(text.replace(/\n/g, ' '));
    expect(spaced.join('')).toBe(text.replace(/\n/g, ' '));
    for (const p of spaced.slice(0, -1)) expect(p).toMatch(/ $/);
  });

  it('never moves an earlier cut when text is appended (only the last piece changes)', () => {
    const text = words(60_000);
    const before = textPieces(text.slice(0, 41_234));
    const after = textPieces(text);
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
  });

  it('cuts a text with no whitespace at the piece size', () => {
    const pieces = textPieces('x'.repeat(PIECE_CHARS * 2 + 5));
    expect(pieces.map((p) => p.length)).toEqual([PIECE_CHARS, PIECE_CHARS, 5]);
  });

  it('leaves a short text whole, with no wrapper', () => {
    expect(renderToStaticMarkup(createElement(TextPieces, { text: 'short & sweet' }))).toBe('short &amp; sweet');
  });
});

describe('Markdown before its renderer has loaded', () => {
  it('shows a long reply as plain text in pieces, not as one text node', () => {
    const text = words(1_000_000);
    const html = renderToStaticMarkup(createElement(Markdown, { text, streaming: true }));
    expect(html).toMatch(/^<div class="markdown plain"><div class="text-piece" style="--lines:\d+">All work/);
    expect(html.match(/<div class="text-piece"/g)?.length).toBe(textPieces(text).length);
  });
});

describe('estimateLines', () => {
  it('counts each line of the text, wrapped lines as several', () => {
    expect(estimateLines('one line')).toBe(1);
    expect(estimateLines('a\nb\n\nc')).toBe(4);
    expect(estimateLines('x'.repeat(181))).toBe(3);
    expect(estimateLines('end with a break\n')).toBe(2);
  });
});
