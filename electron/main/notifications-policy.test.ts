import { describe, expect, it } from 'vitest';
import { LONG_REPLY_CHARS, LONG_REPLY_MS, nextBadgeCount, replyNotice, type NoticeInput } from './notifications-policy';

const T0 = 1_700_000_000_000;
const msg = (over: Partial<NoticeInput['message']> = {}): NoticeInput['message'] => ({
  role: 'assistant',
  status: 'complete',
  content: 'short',
  conversationId: 'c1',
  modelServed: 'llama-3.3-70b',
  modelRequested: 'llama',
  timings: { startedAt: T0, firstTokenAt: T0 + 500, reasoningStartedAt: null, contentStartedAt: T0 + 500, finishedAt: T0 + 12_000 },
  createdAt: T0,
  ...over,
});
const input = (over: Partial<NoticeInput> = {}): NoticeInput => ({ message: msg(), enabled: true, windowFocused: false, now: T0 + 13_000, ...over });

describe('replyNotice', () => {
  it('tells about a long reply that finished while the window was not focused', () => {
    expect(replyNotice(input())).toEqual({ title: 'Reply ready', body: 'llama-3.3-70b finished a 1-word reply in 12 s.', conversationId: 'c1' });
  });
  it('is silent when the window is focused, the setting is off, or the reply was quick and short', () => {
    expect(replyNotice(input({ windowFocused: true }))).toBeNull();
    expect(replyNotice(input({ enabled: false }))).toBeNull();
    const quick = msg({ timings: { startedAt: T0, firstTokenAt: null, reasoningStartedAt: null, contentStartedAt: null, finishedAt: T0 + LONG_REPLY_MS - 1 } });
    expect(replyNotice(input({ message: quick }))).toBeNull();
  });
  it('counts a reply as long by length too', () => {
    const quickLong = msg({ content: 'word '.repeat(LONG_REPLY_CHARS / 5), timings: null, createdAt: T0 });
    expect(replyNotice(input({ message: quickLong, now: T0 + 2000 }))?.body).toBe('llama-3.3-70b finished a 200-word reply in 2 s.');
  });
  it('uses the arrival time when the reply has no finish time, and minutes past 90 s', () => {
    const m = msg({ timings: null, createdAt: T0, modelServed: null });
    expect(replyNotice(input({ message: m, now: T0 + 5 * 60_000 }))?.body).toBe('llama finished a 1-word reply in 5 min.');
  });
  it('says so when a long reply failed, and never for one the user stopped or a user message', () => {
    expect(replyNotice(input({ message: msg({ status: 'error', modelServed: null, modelRequested: null }) }))).toEqual({
      title: 'Reply failed', body: 'The model stopped with an error after 12 s.', conversationId: 'c1',
    });
    expect(replyNotice(input({ message: msg({ status: 'stopped' }) }))).toBeNull();
    expect(replyNotice(input({ message: msg({ status: 'interrupted' }) }))).toBeNull();
    expect(replyNotice(input({ message: msg({ status: 'streaming' }) }))).toBeNull();
    expect(replyNotice(input({ message: msg({ role: 'user' }) }))).toBeNull();
  });
  it('never quotes the reply', () => {
    const secret = 'the launch code is 0000 '.repeat(60);
    const n = replyNotice(input({ message: msg({ content: secret }) }));
    expect(n).not.toBeNull();
    expect(JSON.stringify(n)).not.toContain('launch code');
  });
});

describe('nextBadgeCount', () => {
  it('counts notified replies until the window gets focus, capped at 99', () => {
    expect(nextBadgeCount(0, 'notified')).toBe(1);
    expect(nextBadgeCount(4, 'notified')).toBe(5);
    expect(nextBadgeCount(99, 'notified')).toBe(99);
    expect(nextBadgeCount(7, 'focused')).toBe(0);
  });
});
