// Date groups for the conversation list: Pinned, Today, Yesterday, Previous 7 days,
// Previous 30 days, then one group per month ("March 2025"), newest first.
import type { Conversation } from '../../../../shared/domain';

export interface ConversationGroup {
  key: string;
  label: string;
  items: Conversation[];
}

const DAY = 86_400_000;

function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The month label is made only when a group starts: toLocaleDateString costs tens of microseconds a call. */
function bucket(updatedAt: number, today: number): { key: string; label: () => string } {
  if (updatedAt >= today) return { key: 'today', label: () => 'Today' };
  // Calendar days, not 24 h spans: "yesterday" is the day before today, whatever the hour.
  const yesterday = startOfDay(today - DAY / 2);
  if (updatedAt >= yesterday) return { key: 'yesterday', label: () => 'Yesterday' };
  if (updatedAt >= today - 7 * DAY) return { key: 'week', label: () => 'Previous 7 days' };
  if (updatedAt >= today - 30 * DAY) return { key: 'month', label: () => 'Previous 30 days' };
  const d = new Date(updatedAt);
  return { key: `${d.getFullYear()}-${d.getMonth()}`, label: () => d.toLocaleDateString(undefined, { month: 'long', year: 'numeric' }) };
}

/** Groups conversations (any order) by last activity; each group is sorted newest first. */
export function groupConversations(list: Conversation[], now = Date.now()): ConversationGroup[] {
  const today = startOfDay(now);
  const sorted = [...list].sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt);
  const groups: ConversationGroup[] = [];
  const pinned = sorted.filter((c) => c.pinned);
  if (pinned.length) groups.push({ key: 'pinned', label: 'Pinned', items: pinned });
  for (const c of sorted) {
    if (c.pinned) continue;
    const b = bucket(c.updatedAt, today);
    const last = groups[groups.length - 1];
    if (last && last.key === b.key) last.items.push(c);
    else groups.push({ key: b.key, label: b.label(), items: [c] });
  }
  return groups;
}

/** The first `count` conversations of the groups, in order (groups left empty are dropped). */
export function firstItems(groups: ConversationGroup[], count: number): ConversationGroup[] {
  const out: ConversationGroup[] = [];
  let left = count;
  for (const g of groups) {
    if (left <= 0) break;
    out.push(g.items.length <= left ? g : { ...g, items: g.items.slice(0, left) });
    left -= g.items.length;
  }
  return out;
}

/** Where a conversation is in the grouped order (-1 when it is not there). */
export function positionOf(groups: ConversationGroup[], id: string | null): number {
  let at = 0;
  for (const g of groups) {
    const i = id === null ? -1 : g.items.findIndex((c) => c.id === id);
    if (i >= 0) return at + i;
    at += g.items.length;
  }
  return -1;
}
