// The one contract between main and renderer: every call and event, declared once
// (per domain under contract/). Both transports (Electron IPC and the browser-mode
// WebSocket) and the preload's allowlist derive from these objects, so they cannot drift.
import type { z } from 'zod';
import { appCalls, appEvents } from './contract/app';
import { attachmentsCalls, attachmentsEvents } from './contract/attachments';
import { catalogCalls, catalogEvents } from './contract/catalog';
import { chatCalls, chatEvents } from './contract/chat';
import { conversationCalls, conversationEvents } from './contract/conversations';
import { costCalls, costEvents } from './contract/cost';
import { historyCalls, historyEvents } from './contract/history';
import { providerCalls, providerEvents } from './contract/providers';
import { verifyCalls, verifyEvents } from './contract/verify';

export { Settings } from './contract/app';
export { CatalogSource } from './contract/catalog';
export { SearchHit } from './contract/history';

export const calls = {
  ...appCalls,
  ...providerCalls,
  ...catalogCalls,
  ...conversationCalls,
  ...chatCalls,
  ...historyCalls,
  ...costCalls,
  ...verifyCalls,
  ...attachmentsCalls,
} as const;

export const events = {
  ...appEvents,
  ...providerEvents,
  ...catalogEvents,
  ...conversationEvents,
  ...chatEvents,
  ...historyEvents,
  ...costEvents,
  ...verifyEvents,
  ...attachmentsEvents,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** What every call resolves to on the wire: never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
export type ApiError = { code: string; message: string; issues?: { path: string; message: string }[] };

/** The object the renderer talks to (window.api in Electron, a WebSocket client in browser mode). */
export interface Bridge {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<ApiResult<CallOutput<K>>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}
