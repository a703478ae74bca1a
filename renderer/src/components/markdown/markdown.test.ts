import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { needsWholeParse, split, splitBlocks, splitIncremental, type Split } from './blocks';
import { highlight } from './highlight';
import { math } from './math';
import { toHast, toReact } from './pipeline';

const SAMPLE = [
  '# Title',
  '',
  'Some **bold** text and `code`, then a [link](https://example.com).',
  '',
  '- one',
  '- two',
  '',
  '- three, after a blank line (same loose list)',
  '',
  '  continued inside the item',
  '',
  '1. first',
  '2. second',
  '',
  '```ts',
  'const a = 1;',
  '',
  'const b = 2;',
  '```',
  '',
  '$$',
  'x^2',
  '',
  '+ y^2',
  '$$',
  '',
  '\\[',
  'a',
  '',
  'b',
  '\\]',
  '',
  '| a | b |',
  '| --- | --- |',
  '| 1 | 2 |',
  '',
  '> quote',
  '',
  '    indented code',
  '',
  'Last paragraph.',
].join('\n');

describe('splitBlocks', () => {
  it('splits at blank lines outside code, math and lists', () => {
    const blocks = splitBlocks(`${SAMPLE}\n`);
    expect(blocks[0]).toBe('# Title');
    expect(blocks).toContain('```ts\nconst a = 1;\n\nconst b = 2;\n```');
    expect(blocks).toContain('$$\nx^2\n\n+ y^2\n$$');
    expect(blocks).toContain('\\[\na\n\nb\n\\]');
    expect(blocks).toContain('- one\n- two\n\n- three, after a blank line (same loose list)\n\n  continued inside the item\n\n1. first\n2. second');
    expect(blocks).toContain('> quote\n\n    indented code');
    expect(blocks.at(-1)).toBe('Last paragraph.\n');
  });

  it('decides a split on complete lines only (an unfinished "1" may become "1. item")', () => {
    expect(splitBlocks('1. a\n\n1')).toEqual(['1. a\n\n1']);
    expect(splitBlocks('1. a\n\n1. b\n')).toEqual(['1. a\n\n1. b\n']);
    expect(splitBlocks('1. a\n\nText\n')).toEqual(['1. a', 'Text\n']);
  });

  it('never moves an earlier split as text is appended: incremental equals a fresh split at every length', () => {
    let prev: Split | null = null;
    for (let n = 0; n <= SAMPLE.length; n++) {
      const text = SAMPLE.slice(0, n);
      prev = splitIncremental(prev, text);
      expect(prev.blocks, `at ${n} characters`).toEqual(split(text).blocks);
    }
  });

  it('starts over when the text is not an extension of the previous one', () => {
    const a = splitIncremental(null, 'one\n\ntwo');
    const b = splitIncremental(a, 'uno\n\ndos\n');
    expect(b.blocks).toEqual(['uno', 'dos\n']);
  });

  it('knows when blocks cannot be parsed apart', () => {
    expect(needsWholeParse('See [the docs][1].\n\n[1]: https://example.com')).toBe(true);
    expect(needsWholeParse('A claim.[^1]\n\n[^1]: A source.')).toBe(true);
    expect(needsWholeParse('Plain [link](https://example.com) and [brackets] here.')).toBe(false);
  });
});

describe('pipeline', () => {
  // Images as text with their address, in both: React warns about the src="" an unsafe address leaves.
  const img = ({ src, alt }: { src?: unknown; alt?: string }) => `[${alt ?? ''}](${String(src)})`;
  const markup = (md: string, extras = {}) => renderToStaticMarkup(createElement(Fragment, null, toReact(toHast(md), { img }, extras)));
  const reference = (md: string, plugins: unknown[] = []) =>
    renderToStaticMarkup(
      createElement(ReactMarkdown, { remarkPlugins: [remarkGfm, remarkMath], rehypePlugins: plugins as never, components: { img } }, md),
    );

  it('renders what react-markdown renders', () => {
    expect(markup(SAMPLE)).toBe(reference(SAMPLE));
  });

  it('highlights and typesets like rehype-highlight and rehype-katex', () => {
    const md = '```ts\nconst a: number = 1;\n```\n\nInline $x^2$ and\n\n$$\n\\frac{1}{2}\n$$';
    expect(markup(md, { highlight, math })).toBe(
      reference(md, [
        [rehypeKatex, { throwOnError: false, strict: false }],
        [rehypeHighlight, { detect: false, plainText: ['text', 'txt', 'plain'] }],
      ]),
    );
  });

  it('shows raw HTML as text and drops unsafe URLs', () => {
    const html = markup('<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![i](data:text/html,x)');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toBe(reference('<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![i](data:text/html,x)'));
  });

  it('reports what a text needs', () => {
    expect(toHast('plain').needs).toEqual({ code: false, math: false });
    expect(toHast('```py\nx\n```').needs).toEqual({ code: true, math: false });
    expect(toHast('```\nno language\n```').needs).toEqual({ code: false, math: false });
    expect(toHast('$a$').needs).toEqual({ code: false, math: true });
  });
});

describe('MarkdownRenderer', () => {
  it('formats the blocks nearest the end within a frame budget and shows the rest as plain text until later frames', async () => {
    const { default: MarkdownRenderer, FRAME_BUDGET_CHARS } = await import('./MarkdownRenderer');
    const para = (i: number) => `Paragraph ${i} with **bold** words ${'and more words '.repeat(6)}`;
    const blocks = Array.from({ length: 60 }, (_, i) => (i % 10 === 5 ? '```ts\nconst x = 1;\n```' : para(i)));
    const text = blocks.join('\n\n');
    expect(text.length).toBeGreaterThan(FRAME_BUDGET_CHARS * 2);
    const html = renderToStaticMarkup(createElement(MarkdownRenderer, { text, streaming: false }));
    const pending = html.match(/<div class="md-pending"[^>]*>/g)?.length ?? 0;
    const formatted = html.match(/<strong>bold<\/strong>/g)?.length ?? 0;
    expect(pending).toBeGreaterThan(0);
    expect(formatted).toBeGreaterThan(1);
    expect(pending + formatted + 6).toBeGreaterThanOrEqual(60);
    // The end is formatted, the start pending; pending text is the source without fence lines.
    expect(html.indexOf('md-pending')).toBeLessThan(html.indexOf('<strong>bold</strong>'));
    expect(html).toContain(`${para(59).replace('**bold**', '<strong>bold</strong>')}`.slice(0, 40));
    expect(html).not.toMatch(/md-pending"[^>]*>```/);
    // Text arriving faster than a frame can format (a flood): only the growing last block is formatted.
    const flooded = renderToStaticMarkup(createElement(MarkdownRenderer, { text, streaming: true }));
    // (The last block holds the last two paragraphs: a split is decided only once the next line is complete.)
    expect(flooded.match(/<strong>bold<\/strong>/g)?.length ?? 0).toBe(2);
    expect(flooded.match(/<div class="md-pending"[^>]*>/g)?.length ?? 0).toBe(58);
    // A short reply is formatted at once.
    const short = renderToStaticMarkup(createElement(MarkdownRenderer, { text: blocks.slice(0, 5).join('\n\n'), streaming: false }));
    expect(short).not.toContain('md-pending');
  });
});

describe('MarkdownRenderer images', () => {
  it('shows an image as a link to where it points, and as text alone when its address was unsafe', async () => {
    const { default: MarkdownRenderer } = await import('./MarkdownRenderer');
    const render = (text: string) => renderToStaticMarkup(createElement(MarkdownRenderer, { text, streaming: false }));
    expect(render('![a chart](https://example.com/c.png)')).toContain('<a href="https://example.com/c.png" target="_blank" rel="noreferrer noopener" class="image-link">a chart</a>');
    const unsafe = render('![i](data:text/html,x) ![j](javascript:alert(1))');
    expect(unsafe).toContain('<span class="image-link">i</span>');
    expect(unsafe).toContain('<span class="image-link">j</span>');
    expect(unsafe).not.toMatch(/href|src|data:|javascript:/);
  });
});

describe('MarkdownRenderer with walls of text', () => {
  it('shows a huge block as plain text, and a long growing last block while it streams', async () => {
    const { default: MarkdownRenderer, PLAIN_OVER_CHARS, PLAIN_TAIL_OVER_CHARS } = await import('./MarkdownRenderer');
    const wall = (n: number) => 'All work and **no** play. '.repeat(Math.ceil(n / 26)).slice(0, n);
    const render = (text: string, streaming: boolean) => renderToStaticMarkup(createElement(MarkdownRenderer, { text, streaming }));
    expect(render(wall(PLAIN_OVER_CHARS + 10), false)).toMatch(/^<div class="markdown"><div class="md-pending"[^>]*><div class="text-piece"[^>]*>All work/);
    expect(render(wall(PLAIN_TAIL_OVER_CHARS + 10), true)).toContain('md-pending');
    expect(render(wall(PLAIN_TAIL_OVER_CHARS + 10), false)).toContain('<strong>no</strong>');
  });
});
