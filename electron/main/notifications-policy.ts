// When a finished reply deserves a system notification, and what it says. Plain data in,
// plain data out, so the rules are unit-tested without Electron (notifications.ts is the glue).
import type { Message } from '../../shared/domain';

/** A reply counts as "long" (worth telling someone who looked away) past either limit. */
export const LONG_REPLY_MS = 10_000;
export const LONG_REPLY_CHARS = 1_000;

export interface ReplyNotice {
  title: string;
  body: string;
  conversationId: string;
}

export interface NoticeInput {
  message: Pick<Message, 'role' | 'status' | 'content' | 'conversationId' | 'modelServed' | 'modelRequested' | 'timings' | 'createdAt'>;
  /** settings.notifications */
  enabled: boolean;
  windowFocused: boolean;
  /** When chat.done arrived (ms since epoch): the end when timings has no finishedAt. */
  now: number;
}

function duration(m: NoticeInput['message'], now: number): number {
  const start = m.timings?.startedAt ?? m.createdAt;
  const end = m.timings?.finishedAt ?? now;
  return Math.max(0, end - start);
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 90 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/**
 * A notice for a reply that finished (or failed) while the user was elsewhere; null when
 * they are looking, turned notifications off, stopped it themselves, or it was quick.
 * The body never quotes the reply: notifications show on lock screens and in shared rooms.
 */
export function replyNotice({ message: m, enabled, windowFocused, now }: NoticeInput): ReplyNotice | null {
  if (!enabled || windowFocused || m.role !== 'assistant') return null;
  if (m.status !== 'complete' && m.status !== 'error') return null;
  const ms = duration(m, now);
  if (ms < LONG_REPLY_MS && m.content.length < LONG_REPLY_CHARS) return null;
  const model = m.modelServed ?? m.modelRequested ?? 'The model';
  if (m.status === 'error') {
    return { title: 'Reply failed', body: `${model} stopped with an error after ${seconds(ms)}.`, conversationId: m.conversationId };
  }
  const words = m.content.trim() ? m.content.trim().split(/\s+/).length : 0;
  return {
    title: 'Reply ready',
    body: `${model} finished a ${words.toLocaleString('en-US')}-word reply in ${seconds(ms)}.`,
    conversationId: m.conversationId,
  };
}

/** The dock/taskbar badge: one per reply notified since the window last had focus. */
export function nextBadgeCount(current: number, event: 'notified' | 'focused'): number {
  return event === 'focused' ? 0 : Math.min(current + 1, 99);
}
