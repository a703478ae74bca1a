import { describe, expect, it } from 'vitest';
import { floodStep, FLOOD_HOLD_MS, FRAME_BUDGET_CHARS, initialFlood, planBlocks, PLAIN_OVER_CHARS, PLAIN_TAIL_OVER_CHARS } from './format-plan';

const block = (i: number, n = 500) => `Paragraph ${i} `.padEnd(n, 'x');

describe('floodStep', () => {
  it('floods while text grows faster than a frame can format, and marks the render that ends a flooded reply', () => {
    const s = initialFlood();
    expect(floodStep(s, true, 100, 0)).toEqual({ flooding: false, endOfFlood: false });
    expect(floodStep(s, true, 100 + FRAME_BUDGET_CHARS + 1, 16)).toEqual({ flooding: true, endOfFlood: false });
    // A small step inside the hold still counts as flooded; after it, not.
    expect(floodStep(s, true, 2_200, 16 + FLOOD_HOLD_MS - 1).flooding).toBe(true);
    expect(floodStep(s, true, 2_210, 16 + FLOOD_HOLD_MS + 1).flooding).toBe(false);
    // Finished after a flooded render: that one render is the end of the flood.
    floodStep(s, true, 9_000, 400);
    expect(floodStep(s, false, 9_100, 410)).toEqual({ flooding: false, endOfFlood: true });
    expect(floodStep(s, false, 9_100, 426)).toEqual({ flooding: false, endOfFlood: false });
  });

  it('a reply that finishes after the flood has calmed formats as usual', () => {
    const s = initialFlood();
    floodStep(s, true, FRAME_BUDGET_CHARS * 2, 0);
    floodStep(s, true, FRAME_BUDGET_CHARS * 2 + 10, FLOOD_HOLD_MS + 1);
    expect(floodStep(s, false, FRAME_BUDGET_CHARS * 2 + 10, FLOOD_HOLD_MS + 20).endOfFlood).toBe(false);
  });
});

describe('planBlocks', () => {
  const blocks = Array.from({ length: 20 }, (_, i) => block(i));

  it('formats up to a frame budget of blocks per render, last first, then the rest in later renders', () => {
    const formatted: string[] = [];
    const first = planBlocks(blocks, formatted, { streaming: false, flooding: false, endOfFlood: false });
    const n = first.show.filter((s) => s === 'formatted').length;
    expect(n).toBe(FRAME_BUDGET_CHARS / 500);
    expect(first.show.slice(-n).every((s) => s === 'formatted')).toBe(true);
    expect(first.pending).toBe(true);
    let plan = first;
    for (let i = 0; i < 10 && plan.pending; i++) plan = planBlocks(blocks, formatted, { streaming: false, flooding: false, endOfFlood: false });
    expect(plan.show.every((s) => s === 'formatted')).toBe(true);
    expect(plan.pending).toBe(false);
  });

  it('while flooding formats only the growing last block', () => {
    const plan = planBlocks(blocks, [], { streaming: true, flooding: true, endOfFlood: false });
    expect(plan.show.filter((s) => s === 'formatted')).toHaveLength(1);
    expect(plan.show.at(-1)).toBe('formatted');
    expect(plan.pending).toBe(true);
  });

  it('the render that ends a flood formats nothing new, not even a new last block; the next one resumes', () => {
    const formatted: string[] = [];
    planBlocks(blocks.slice(0, 19), formatted, { streaming: true, flooding: true, endOfFlood: false });
    const end = planBlocks(blocks, formatted, { streaming: false, flooding: false, endOfFlood: true });
    // Block 18 was formatted while it was the last one and keeps its formatting.
    expect(end.show.map((s, i) => (s === 'formatted' ? i : -1)).filter((i) => i >= 0)).toEqual([18]);
    expect(end.pending).toBe(true);
    const next = planBlocks(blocks, formatted, { streaming: false, flooding: false, endOfFlood: false });
    expect(next.show.at(-1)).toBe('formatted');
  });

  it('a last block formatted while flooding stays formatted when its final text arrives (no flash of plain text)', () => {
    const formatted: string[] = [];
    const grown = [...blocks.slice(0, 19), `${blocks[19]!} and the rest`];
    planBlocks(blocks, formatted, { streaming: true, flooding: true, endOfFlood: false });
    const end = planBlocks(grown, formatted, { streaming: false, flooding: false, endOfFlood: true });
    expect(end.show.at(-1)).toBe('formatted');
    expect(formatted[19]).toBe(grown[19]);
    expect(end.show.slice(0, 19).every((s) => s === 'plain')).toBe(true);
  });

  it('leaves walls of text plain: any block over the limit, and a long growing last block while streaming', () => {
    const wall = [block(0), block(1, PLAIN_OVER_CHARS + 1), block(2, PLAIN_TAIL_OVER_CHARS + 1)];
    expect(planBlocks(wall, [], { streaming: true, flooding: false, endOfFlood: false }).show).toEqual(['formatted', 'plain', 'plain']);
    expect(planBlocks(wall, [], { streaming: false, flooding: false, endOfFlood: false }).show).toEqual(['plain', 'plain', 'formatted']);
  });
});
