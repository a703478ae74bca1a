import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../shared/domain';
import { firstItems, groupConversations, positionOf } from './groups';

const conv = (id: string, updatedAt: number, pinned = false): Conversation => ({
  id, title: id, providerId: null, modelId: null, pinned, privateOnly: false,
  thinking: { enabled: false, effort: 'medium' }, budgetUsd: null, createdAt: updatedAt, updatedAt,
});

describe('groupConversations', () => {
  // 15 March 2025, 10:00 local time.
  const now = new Date(2025, 2, 15, 10, 0, 0).getTime();
  const at = (y: number, m: number, d: number, h = 12) => new Date(y, m, d, h).getTime();

  it('groups by calendar day, then week, month and by month, newest first, pinned on top', () => {
    const groups = groupConversations(
      [
        conv('old', at(2024, 11, 2)),
        conv('today-early', at(2025, 2, 15, 0)),
        conv('yesterday-late', at(2025, 2, 14, 23)),
        conv('pinned-old', at(2023, 0, 1), true),
        conv('five-days', at(2025, 2, 10)),
        conv('twenty-days', at(2025, 1, 23)),
        conv('feb', at(2025, 1, 1)),
        conv('today-late', at(2025, 2, 15, 9)),
      ],
      now,
    );
    expect(groups.map((g) => [g.label.replace(/\s+/g, ' '), g.items.map((c) => c.id)])).toEqual([
      ['Pinned', ['pinned-old']],
      ['Today', ['today-late', 'today-early']],
      ['Yesterday', ['yesterday-late']],
      ['Previous 7 days', ['five-days']],
      ['Previous 30 days', ['twenty-days']],
      [new Date(2025, 1, 1).toLocaleDateString(undefined, { month: 'long', year: 'numeric' }), ['feb']],
      [new Date(2024, 11, 1).toLocaleDateString(undefined, { month: 'long', year: 'numeric' }), ['old']],
    ]);
  });

  it('returns no groups for no conversations', () => {
    expect(groupConversations([], now)).toEqual([]);
  });

  it('cuts the grouped list after a number of rows, and finds a row in it', () => {
    const groups = groupConversations([conv('a', at(2025, 2, 15, 9)), conv('b', at(2025, 2, 15, 8)), conv('c', at(2025, 2, 14)), conv('p', at(2020, 0, 1), true)], now);
    const ids = (gs: typeof groups) => gs.map((g) => [g.key, g.items.map((c) => c.id)]);
    expect(ids(firstItems(groups, 2))).toEqual([['pinned', ['p']], ['today', ['a']]]);
    expect(ids(firstItems(groups, 3))).toEqual([['pinned', ['p']], ['today', ['a', 'b']]]);
    expect(ids(firstItems(groups, 99))).toEqual(ids(groups));
    expect(firstItems(groups, 0)).toEqual([]);
    expect(positionOf(groups, 'c')).toBe(3);
    expect(positionOf(groups, 'p')).toBe(0);
    expect(positionOf(groups, 'zz')).toBe(-1);
    expect(positionOf(groups, null)).toBe(-1);
  });
});
