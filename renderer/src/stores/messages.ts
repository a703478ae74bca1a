// Messages keyed by id, plus each conversation's ordered id list. A stream event
// touches one message object, so only the row that selects it re-renders.
import { create } from 'zustand';
import type { Message, StreamFrame } from '../../../shared/domain';
import { api } from '../bridge';
import { createFrameQueue } from './frame-queue';

export interface RetryInfo {
  attempt: number;
  /** When the retry fires (ms since epoch). */
  at: number;
  message: string;
  /** The error being retried (e.g. rate_limited). */
  code?: string;
}

interface MessagesState {
  byId: Record<string, Message>;
  idsByConversation: Record<string, string[]>;
  /** Conversation id → id of its reply still streaming. */
  streaming: Record<string, string>;
  retry: Record<string, RetryInfo>;
  /** Messages whose final state arrived (chat.done); later stale updates are ignored. */
  final: Record<string, true>;
  /** Conversation id → whether messages older than the loaded ones exist (they load a page at a time). */
  hasOlder: Record<string, boolean>;
  /** Loads the newest page of a conversation (merged with what is loaded: older pages and live replies stay). */
  load(conversationId: string): Promise<void>;
  /** Loads the page before the oldest loaded message; no-op when there is none or one is on its way. */
  loadOlder(conversationId: string): Promise<void>;
  /** Loads older pages until `messageId` is loaded or none are left (e.g. to jump to a search hit). */
  loadUntil(conversationId: string, messageId: string): Promise<void>;
  upsert(message: Message): void;
  applyFrames(conversationId: string, messageId: string, frames: StreamFrame[]): void;
  /** applyFrames at the next animation frame (spaced out while text floods in), all frames that arrived until then in one store update. */
  queueFrames(conversationId: string, messageId: string, frames: StreamFrame[]): void;
  finish(message: Message): void;
  forget(conversationId: string): void;
  removeIds(conversationId: string, ids: string[]): void;
}

function stub(conversationId: string, id: string): Message {
  return {
    id,
    conversationId,
    seq: Number.MAX_SAFE_INTEGER,
    role: 'assistant',
    content: '',
    reasoning: null,
    status: 'streaming',
    providerId: null,
    modelRequested: null,
    modelServed: null,
    privacy: null,
    error: null,
    usage: null,
    cost: null,
    pricing: null,
    timings: null,
    fallback: null,
    verification: null,
    attachments: [],
    createdAt: Date.now(),
  };
}

function withId(ids: string[] | undefined, m: Message, byId: Record<string, Message>): string[] | undefined {
  if (!ids) return ids;
  if (ids.includes(m.id)) return ids;
  const next = [...ids, m.id];
  // Keep seq order; a reply created by the server can arrive before its user message.
  for (let i = next.length - 1; i > 0; i--) {
    const prev = byId[next[i - 1]!];
    if (prev && prev.seq > m.seq) [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
    else break;
  }
  return next;
}

function setStreaming(streaming: Record<string, string>, m: Message): Record<string, string> {
  const current = streaming[m.conversationId];
  if (m.status === 'streaming') return current === m.id ? streaming : { ...streaming, [m.conversationId]: m.id };
  if (current !== m.id) return streaming;
  const next = { ...streaming };
  delete next[m.conversationId];
  return next;
}

/**
 * A conversation opens on its newest messages: enough to fill the view and some scrolling,
 * small enough to arrive and paint at once however long the conversation is (a 5,000
 * message one used to ship and validate every message first). Older pages come on scroll.
 */
export const FIRST_PAGE = 40;
export const OLDER_PAGE = 100;
const olderInFlight = new Map<string, Promise<void>>();

// Stream frames render in one store update per frame (spaced out while text floods in).
const frameQueue = createFrameQueue((batch) => {
  const store = useMessages.getState();
  for (const [messageId, q] of batch) store.applyFrames(q.conversationId, messageId, q.frames);
});

export const useMessages = create<MessagesState>((set, get) => ({
  byId: {},
  idsByConversation: {},
  streaming: {},
  retry: {},
  final: {},
  hasOlder: {},

  async load(conversationId) {
    const page = await api('messages.list', { conversationId, limit: FIRST_PAGE });
    set((s) => {
      const { byId, streaming } = merge(s, page);
      const pageIds = new Set(page.map((m) => m.id));
      const firstSeq = page[0]?.seq ?? Number.MAX_SAFE_INTEGER;
      const known = s.idsByConversation[conversationId] ?? [];
      // Older pages loaded before stay (no jump while reading them); live replies newer than the page stay too.
      const older = known.filter((id) => !pageIds.has(id) && (byId[id]?.seq ?? Infinity) < firstSeq);
      const newer = known.filter((id) => !pageIds.has(id) && (byId[id]?.seq ?? Infinity) >= firstSeq);
      const ids = [...older, ...page.map((m) => m.id), ...newer];
      const hasOlder = older.length > 0 ? (s.hasOlder[conversationId] ?? false) : page.length === FIRST_PAGE;
      return { byId, streaming, idsByConversation: { ...s.idsByConversation, [conversationId]: ids }, hasOlder: { ...s.hasOlder, [conversationId]: hasOlder } };
    });
  },

  loadOlder(conversationId) {
    return older(conversationId, OLDER_PAGE);
  },

  async loadUntil(conversationId, messageId) {
    // Pages as large as the API allows: a jump to an old hit takes a few calls, not dozens.
    while (!get().idsByConversation[conversationId]?.includes(messageId) && get().hasOlder[conversationId]) {
      await older(conversationId, 1000);
    }
  },

  upsert(message) {
    set((s) => {
      const existing = s.byId[message.id];
      if (s.final[message.id] && existing) return s;
      let m = message;
      if (existing && existing.status === 'streaming' && message.status === 'streaming') {
        // chat.send's copy was taken before any frames; keep what streamed since.
        m = { ...message, content: existing.content || message.content, reasoning: existing.reasoning ?? message.reasoning, usage: existing.usage ?? message.usage, modelServed: existing.modelServed ?? message.modelServed, error: existing.error ?? message.error };
      }
      const byId = { ...s.byId, [m.id]: m };
      const ids = withId(s.idsByConversation[m.conversationId], m, byId);
      return {
        byId,
        streaming: setStreaming(s.streaming, m),
        idsByConversation: ids === s.idsByConversation[m.conversationId] ? s.idsByConversation : { ...s.idsByConversation, [m.conversationId]: ids! },
      };
    });
  },

  queueFrames(conversationId, messageId, frames) {
    frameQueue.push(messageId, conversationId, frames);
  },

  applyFrames(conversationId, messageId, frames) {
    if (get().final[messageId]) return;
    set((s) => {
      const base = s.byId[messageId] ?? stub(conversationId, messageId);
      let content = base.content;
      let reasoning = base.reasoning;
      let { usage, modelServed, fallback, error, status } = base;
      let retry: RetryInfo | null | undefined;
      for (const f of frames) {
        switch (f.type) {
          case 'content':
            content += f.text;
            retry = null;
            break;
          case 'reasoning':
            reasoning = (reasoning ?? '') + f.text;
            retry = null;
            break;
          case 'usage':
            usage = f.usage;
            break;
          case 'meta':
            modelServed = f.servedModel ?? modelServed;
            fallback = f.fallback ?? fallback;
            break;
          case 'error':
            error = f.error;
            status = 'error';
            retry = null;
            break;
          case 'retry':
            retry = { attempt: f.attempt, at: Date.now() + f.inSeconds * 1000, message: f.error.message, code: f.error.code };
            break;
          case 'done':
            if (status === 'streaming') status = 'complete';
            retry = null;
            break;
        }
      }
      const m: Message = { ...base, content, reasoning, usage, modelServed, fallback, error, status };
      const byId = { ...s.byId, [messageId]: m };
      let retryMap = s.retry;
      if (retry === null && s.retry[messageId]) {
        retryMap = { ...s.retry };
        delete retryMap[messageId];
      } else if (retry) retryMap = { ...s.retry, [messageId]: retry };
      const known = s.byId[messageId];
      const ids = known ? s.idsByConversation[conversationId] : withId(s.idsByConversation[conversationId], m, byId);
      return {
        byId,
        retry: retryMap,
        streaming: status === 'streaming' ? setStreaming(s.streaming, m) : s.streaming,
        idsByConversation: ids === s.idsByConversation[conversationId] ? s.idsByConversation : { ...s.idsByConversation, [conversationId]: ids! },
      };
    });
  },

  finish(message) {
    set((s) => {
      const byId = { ...s.byId, [message.id]: message };
      const retry = { ...s.retry };
      delete retry[message.id];
      const ids = withId(s.idsByConversation[message.conversationId], message, byId);
      return {
        byId,
        retry,
        final: { ...s.final, [message.id]: true },
        streaming: setStreaming(s.streaming, message),
        idsByConversation: ids === s.idsByConversation[message.conversationId] ? s.idsByConversation : { ...s.idsByConversation, [message.conversationId]: ids! },
      };
    });
  },

  removeIds(conversationId, ids) {
    const gone = new Set(ids);
    frameQueue.drop(ids);
    set((s) => {
      const byId = { ...s.byId };
      for (const id of ids) delete byId[id];
      const list = s.idsByConversation[conversationId];
      return { byId, idsByConversation: list ? { ...s.idsByConversation, [conversationId]: list.filter((id) => !gone.has(id)) } : s.idsByConversation };
    });
  },

  forget(conversationId) {
    olderInFlight.delete(conversationId);
    frameQueue.dropConversation(conversationId);
    set((s) => {
      const idsByConversation = { ...s.idsByConversation };
      const byId = { ...s.byId };
      for (const id of idsByConversation[conversationId] ?? []) delete byId[id];
      delete idsByConversation[conversationId];
      const streaming = { ...s.streaming };
      delete streaming[conversationId];
      const hasOlder = { ...s.hasOlder };
      delete hasOlder[conversationId];
      return { byId, idsByConversation, streaming, hasOlder };
    });
  },
}));

/** Folds loaded messages into byId; a live stream is ahead of the stored copy (the DB write is throttled). */
function merge(s: MessagesState, list: Message[]): { byId: Record<string, Message>; streaming: Record<string, string> } {
  const byId = { ...s.byId };
  let streaming = s.streaming;
  for (const m of list) {
    const live = byId[m.id];
    byId[m.id] = live && live.status === 'streaming' && !s.final[m.id] && live.content.length > m.content.length ? { ...m, content: live.content, reasoning: live.reasoning } : m;
    streaming = setStreaming(streaming, byId[m.id]!);
  }
  return { byId, streaming };
}

/** One older page (at most one in flight per conversation), prepended before the oldest loaded message. */
function older(conversationId: string, limit: number): Promise<void> {
  const running = olderInFlight.get(conversationId);
  if (running) return running;
  const state = useMessages.getState();
  const ids = state.idsByConversation[conversationId];
  if (!ids || !state.hasOlder[conversationId]) return Promise.resolve();
  const oldest = ids.length ? state.byId[ids[0]!]?.seq : undefined;
  const run = (async () => {
    const page = await api('messages.list', { conversationId, limit, ...(oldest !== undefined ? { beforeSeq: oldest } : {}) });
    useMessages.setState((s) => {
      const current = s.idsByConversation[conversationId];
      if (!current) return s; // forgotten meanwhile
      const { byId, streaming } = merge(s, page);
      const have = new Set(current);
      const ids = [...page.map((m) => m.id).filter((id) => !have.has(id)), ...current];
      return { byId, streaming, idsByConversation: { ...s.idsByConversation, [conversationId]: ids }, hasOlder: { ...s.hasOlder, [conversationId]: page.length === limit } };
    });
  })().finally(() => olderInFlight.delete(conversationId));
  olderInFlight.set(conversationId, run);
  return run;
}
