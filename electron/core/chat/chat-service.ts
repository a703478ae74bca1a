// Sends a message and streams the reply: persists text as it arrives (throttled, so a
// kill loses at most a fraction of a second), pushes coalesced frames to the renderer,
// and settles every reply in a final state with whatever text it got.
import { randomUUID } from 'node:crypto';
import type { AttachmentRef, Conversation, Message, MessageStatus, ModelInfo, StreamFrame } from '../../../shared/domain';
import { costOf } from '../../../shared/pricing';
import { AppError, notFound } from '../errors';
import type { EventBus } from '../events';
import type { ConversationRepo } from '../history/conversations';
import type { MessagePatch, MessageRepo } from '../history/messages';
import type { ProviderRecord, ProvidersRepo } from '../history/providers-repo';
import type { ProviderAdapter, WireMessage } from '../providers/adapter';
import { runStream, type StreamOutcome, type StreamTimeouts } from '../stream/runner';
import type { Vault } from '../secrets/vault';
import { FrameBatcher } from './frame-batcher';
import { putBack } from './put-back';
import { ReplyState } from './reply-state';
import { scrubFrame } from './scrub-frame';
import { autoTitle } from './title';
import type { ReplyCosting } from '../cost/cost-service';
import { describeWriteError } from '../history/write-errors';
import type { EvidenceRecorder, ReplyEvidenceSink } from '../verification/verification-service';
import type { ChatAttachments } from '../attachments/attachment-service';

export interface ChatDeps {
  conversations: ConversationRepo;
  messages: MessageRepo;
  providers: ProvidersRepo;
  adapters: Record<string, ProviderAdapter>;
  vault: Vault;
  findModel: (providerId: string, modelId: string) => ModelInfo | null;
  events: EventBus;
  fetch?: typeof fetch;
  timeouts?: Partial<StreamTimeouts>;
  /** Reports a failed database write (disk full, read-only) to the user, once per reply. */
  onWriteError: (err: unknown) => void;
  persistEveryMs?: number;
  /** Scrubs keys from provider text (some providers echo the key in error messages). */
  redact: (text: string) => string;
  /** Cost domain: budget hold before a send, and the final usage/cost of each reply (estimated when the provider sent none). */
  costing?: ReplyCosting;
  /** TEE verification: keeps the exact bytes of verifiable (NEAR Private) replies and checks them once settled. */
  evidence?: ReplyEvidenceSink;
  /** Images and PDFs: pending refs for a send, the model capability check, content parts on the wire. */
  attachments?: ChatAttachments;
}

interface Active {
  abort: AbortController;
  conversationId: string;
  done: Promise<void>;
}

const STATUS: Record<StreamOutcome, MessageStatus> = { done: 'complete', cut: 'interrupted', aborted: 'stopped', error: 'error' };

/** Everything a reply needs, checked before anything is written (so a refused reply changes nothing). */
interface ReplyPlan {
  conv: Conversation;
  provider: ProviderRecord;
  adapter: ProviderAdapter;
  modelId: string;
  model: ModelInfo | null;
  key: string | null;
}

export class ChatService {
  private active = new Map<string, Active>();

  constructor(private readonly deps: ChatDeps) {}

  async send(conversationId: string, text: string, opts: { sendAnyway?: boolean; attachmentIds?: string[] } = {}): Promise<{ user: Message; assistant: Message }> {
    const { conversations, messages } = this.deps;
    const conv = conversations.get(conversationId);
    if (!conv) throw notFound('Conversation');
    this.assertIdle(conversationId);
    const plan = await this.plan(conv);
    const attached = this.pendingAttachments(opts.attachmentIds ?? []);
    this.checkAttachments(plan, [...this.historyAttachments(conv.id, Infinity), ...attached]);
    if (!opts.sendAnyway) await this.deps.costing?.checkBudget(conv, { providerId: plan.provider.id, modelId: plan.modelId }, text);
    this.assertIdle(conversationId);

    const now = Date.now();
    const seq = messages.nextSeq(conv.id);
    const user: Message = this.blank(conv.id, seq, 'user', now, { content: text, status: 'complete', attachments: attached });
    this.write(() =>
      messages.atomically(() => {
        messages.insert(user);
        if (attached.length > 0) this.deps.attachments?.link(attached.map((a) => a.id), user.id);
      }),
    );
    const assistant = this.insertReply(plan, seq + 1, now);
    const title = seq === 1 ? autoTitle(text) : undefined;
    const updated = conversations.update(conv.id, title ? { title } : {});
    this.deps.events.emit('conversations.changed', { conversation: updated, deletedId: null });
    this.streamReply(plan, assistant);
    return { user, assistant };
  }

  /**
   * Replaces the last answer of a conversation with a new one for the same history,
   * optionally from another provider/model (which then becomes the conversation's model).
   */
  async regenerate(
    messageId: string,
    choice: { providerId?: string; modelId?: string } = {},
    opts: { sendAnyway?: boolean } = {},
  ): Promise<{ assistant: Message; removedIds: string[]; conversation: Conversation }> {
    const { conversations, messages } = this.deps;
    const target = messages.get(messageId);
    if (!target) throw notFound('Message');
    if (target.role !== 'assistant') throw new AppError('not_an_answer', 'Only an answer can be regenerated; edit your message to resend it.');
    const conv = conversations.get(target.conversationId);
    if (!conv) throw notFound('Conversation');
    this.assertIdle(conv.id);
    if (messages.last(conv.id)?.id !== target.id) {
      throw new AppError('not_last', 'Only the last answer can be regenerated. Edit an earlier message of yours to change what follows it.');
    }
    // A new provider without a model means that provider's default model.
    const providerId = choice.providerId ?? conv.providerId;
    const modelId = choice.modelId ?? (providerId === conv.providerId ? conv.modelId : null);
    const plan = await this.plan({ ...conv, providerId, modelId });
    this.checkAttachments(plan, this.historyAttachments(conv.id, target.seq));
    // A regenerate is a paid send like any other: the budget holds it too.
    if (!opts.sendAnyway) await this.deps.costing?.checkBudget(conv, { providerId: plan.provider.id, modelId: plan.modelId }, '');
    this.assertIdle(conv.id);

    const { assistant, conversation } = this.write(() =>
      messages.atomically(() => {
        // The new answer's place is after the old one's, which stays free to put it back in.
        const seq = messages.nextSeq(conv.id);
        messages.delete(target.id);
        const conversation = conversations.update(conv.id, { providerId: plan.provider.id, modelId: plan.modelId })!;
        return { conversation, assistant: this.insertReply({ ...plan, conv: conversation }, seq, Date.now()) };
      }),
    );
    this.deps.events.emit('messages.removed', { conversationId: conv.id, ids: [target.id] });
    this.deps.events.emit('conversations.changed', { conversation, deletedId: null });
    this.streamReply({ ...plan, conv: conversation }, assistant, target);
    return { assistant, removedIds: [target.id], conversation };
  }

  /**
   * Edits one of the user's messages and resends it: every later message is removed,
   * and a new answer streams for the history up to the edited message.
   */
  async edit(messageId: string, text: string, opts: { sendAnyway?: boolean } = {}): Promise<{ user: Message; assistant: Message; removedIds: string[] }> {
    const { conversations, messages } = this.deps;
    const target = messages.get(messageId);
    if (!target) throw notFound('Message');
    if (target.role !== 'user') throw new AppError('not_yours', 'Only your own messages can be edited; regenerate an answer instead.');
    const conv = conversations.get(target.conversationId);
    if (!conv) throw notFound('Conversation');
    this.assertIdle(conv.id);
    const plan = await this.plan(conv);
    this.checkAttachments(plan, this.historyAttachments(conv.id, target.seq + 1));
    // Over-estimates slightly (the later messages being replaced are still counted): a cap errs on the safe side.
    if (!opts.sendAnyway) await this.deps.costing?.checkBudget(conv, { providerId: plan.provider.id, modelId: plan.modelId }, text);
    this.assertIdle(conv.id);

    // The auto-title follows the first message, unless the user renamed the conversation.
    const first = messages.list(conv.id)[0];
    const retitle = first?.id === target.id && conv.title === autoTitle(target.content);
    const { removedIds, assistant, conversation } = this.write(() =>
      messages.atomically(() => {
        const removedIds = messages.deleteAfter(conv.id, target.seq);
        messages.update(target.id, { content: text });
        const conversation = conversations.update(conv.id, retitle ? { title: autoTitle(text) } : {})!;
        return { removedIds, conversation, assistant: this.insertReply(plan, target.seq + 1, Date.now()) };
      }),
    );
    if (removedIds.length > 0) this.deps.events.emit('messages.removed', { conversationId: conv.id, ids: removedIds });
    this.deps.events.emit('conversations.changed', { conversation, deletedId: null });
    this.streamReply(plan, assistant);
    return { user: { ...target, content: text }, assistant, removedIds };
  }

  stop(messageId: string): void {
    this.active.get(messageId)?.abort.abort();
  }

  isStreaming(conversationId: string): boolean {
    return [...this.active.values()].some((a) => a.conversationId === conversationId);
  }

  /** On quit: stop every stream and let each settle (kept text, status stopped). */
  async shutdown(): Promise<void> {
    const all = [...this.active.values()];
    for (const a of all) a.abort.abort();
    await Promise.allSettled(all.map((a) => a.done));
  }

  private assertIdle(conversationId: string): void {
    if (this.isStreaming(conversationId)) {
      throw new AppError('busy', 'A reply is still streaming in this conversation. Stop it or wait for it to finish.');
    }
  }

  /** The pending attachments a send names (refused when attachments are not available at all). */
  private pendingAttachments(ids: string[]): AttachmentRef[] {
    if (ids.length === 0) return [];
    if (!this.deps.attachments) throw new AppError('unsupported_attachment', 'Attachments are not available here.');
    return this.deps.attachments.pending(ids);
  }

  /** Attachments of the messages a reply will be sent with (those before `beforeSeq`). */
  private historyAttachments(conversationId: string, beforeSeq: number): AttachmentRef[] {
    return this.deps.messages.list(conversationId).flatMap((m) => (m.seq < beforeSeq ? m.attachments : []));
  }

  /** A model that cannot take them never receives images or PDFs: refused before anything is written. */
  private checkAttachments(p: ReplyPlan, refs: AttachmentRef[]): void {
    if (refs.length === 0) return;
    if (!this.deps.attachments) throw new AppError('unsupported_attachment', 'Attachments are not available here.');
    this.deps.attachments.check({ model: p.model, modelId: p.modelId, providerId: p.provider.id }, refs);
  }

  /** A database write the user asked for: a failure becomes a sentence naming the cause. */
  private write<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('write_failed', describeWriteError(err));
    }
  }

  /** Checks that the conversation can get a reply now: provider, model, key, privacy. */
  private async plan(conv: Conversation): Promise<ReplyPlan> {
    const { provider, adapter, modelId } = this.route(conv);
    const key = await this.deps.vault.get(provider.id);
    if (!key && adapter.keyRequired) throw new AppError('no_key', `Add your ${provider.name} API key in Settings to chat with this model.`);
    const model = this.deps.findModel(provider.id, modelId);
    if (conv.privateOnly && model?.privacy !== 'private') {
      throw new AppError('not_private', `This conversation is set to Private models only, and ${model?.name ?? modelId} is not a Private model. Pick a Private model or turn the setting off.`);
    }
    return { conv, provider, adapter, modelId, model, key };
  }

  /** The empty, streaming answer a reply fills in. */
  private insertReply(p: ReplyPlan, seq: number, now: number): Message {
    const assistant: Message = this.blank(p.conv.id, seq, 'assistant', now, {
      status: 'streaming',
      providerId: p.provider.id,
      modelRequested: p.modelId,
      privacy: p.model?.privacy ?? null,
      pricing: p.model?.pricing ?? null,
      timings: { startedAt: now, firstTokenAt: null, reasoningStartedAt: null, contentStartedAt: null, finishedAt: null },
    });
    this.deps.messages.insert(assistant);
    return assistant;
  }

  /** Streams the answer for the conversation's history before it (everything but the answer itself). */
  /** `replaces`: the answer a regenerate took the place of, put back if the new one brings nothing. */
  private streamReply(p: ReplyPlan, assistant: Message, replaces: Message | null = null): void {
    const history: WireMessage[] = this.deps.messages
      .list(p.conv.id)
      .filter((m) => m.seq < assistant.seq && (m.role === 'user' || m.content.length > 0))
      // Reasoning stays local: it is never sent back as part of the history.
      .map((m) => (m.attachments.length > 0 && this.deps.attachments ? { role: m.role, content: m.content, parts: this.deps.attachments.parts(m.content, m.attachments) } : { role: m.role, content: m.content }));
    const abort = new AbortController();
    const done = this.run({ ...p, assistant, history, abort, replaces });
    this.active.set(assistant.id, { abort, conversationId: p.conv.id, done });
    void done.finally(() => this.active.delete(assistant.id));
  }

  /** Usage and cost of a finished reply: the cost domain's (served model, estimates), else plain arithmetic. */
  private async settleCost(r: { provider: ProviderRecord; modelId: string; assistant: Message; history: WireMessage[] }, state: ReplyState, status: MessageStatus): Promise<MessagePatch> {
    const plain = { usage: state.usage, cost: costOf(state.usage, r.assistant.pricing, state.reportedCostUsd) };
    if (!this.deps.costing) return plain;
    try {
      return await this.deps.costing.settle({
        status, usage: state.usage, reportedCostUsd: state.reportedCostUsd, providerId: r.provider.id, requestedModel: r.modelId,
        requestedPricing: r.assistant.pricing, servedModel: state.servedModel, fallback: state.fallback, sent: r.history,
        content: state.content, reasoning: state.reasoning, receivedAny: state.timings.firstTokenAt !== null, accepted: state.accepted,
      });
    } catch {
      // Never lose a reply over its cost (e.g. the tokenizer failed to load): keep what the provider said.
      return plain;
    }
  }




  private route(conv: Conversation): { provider: ProviderRecord; adapter: ProviderAdapter; modelId: string } {
    const provider = conv.providerId ? this.deps.providers.get(conv.providerId) : null;
    if (!provider) throw new AppError('no_provider', 'Choose a provider and model for this conversation first.');
    const adapter = this.deps.adapters[provider.kind];
    if (!adapter) throw new AppError('no_provider', `Unknown provider type ${provider.kind}.`);
    const modelId = conv.modelId ?? provider.defaultModel;
    if (!modelId) throw new AppError('no_model', 'Choose a model for this conversation first.');
    return { provider, adapter, modelId };
  }

  private blank(conversationId: string, seq: number, role: Message['role'], createdAt: number, patch: Partial<Message>): Message {
    return {
      id: randomUUID(), conversationId, seq, role, content: '', reasoning: null, status: 'complete',
      providerId: null, modelRequested: null, modelServed: null, privacy: null, error: null, usage: null,
      cost: null, pricing: null, timings: null, fallback: null, verification: null, attachments: [], createdAt, ...patch,
    };
  }

  private async run(r: {
    conv: Conversation; provider: ProviderRecord; adapter: ProviderAdapter; modelId: string; model: ModelInfo | null;
    key: string | null; assistant: Message; history: WireMessage[]; abort: AbortController; replaces: Message | null;
  }): Promise<void> {
    const { messages, events } = this.deps;
    const state = new ReplyState(r.assistant.createdAt);
    const id = r.assistant.id;
    const batcher = new FrameBatcher((frames) => events.emit('chat.stream', { messageId: id, conversationId: r.conv.id, frames }));
    let writeFailed = false;
    const persist = (patch: MessagePatch) => {
      try {
        messages.update(id, patch);
        writeFailed = false;
      } catch (err) {
        // Keep streaming from memory; the user is told once, and the next write retries.
        if (!writeFailed) this.deps.onWriteError(err);
        writeFailed = true;
      }
    };
    const partial = (): MessagePatch => ({
      content: state.content,
      reasoning: state.reasoning || null,
      modelServed: state.servedModel,
      fallback: state.fallback,
      timings: state.timings,
    });
    let lastPersist = 0;
    const every = this.deps.persistEveryMs ?? 250;

    let outcome: StreamOutcome;
    let recorder: EvidenceRecorder | null = null;
    try {
      const built = r.adapter.buildChatRequest({ provider: r.provider, modelId: r.modelId, model: r.model, messages: r.history, thinking: r.conv.thinking });
      const body = JSON.stringify(built.body);
      // The provider signs SHA-256 of exactly these request bytes and the response bytes as received.
      const rec = this.deps.evidence?.begin({ messageId: id, conversationId: r.conv.id, provider: r.provider, model: r.model, modelId: r.modelId, requestBody: body }) ?? null;
      recorder = rec;
      outcome = await runStream({
        url: `${r.provider.baseUrl.replace(/\/+$/, '')}/chat/completions`,
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...r.adapter.authHeaders(r.key), ...built.headers },
        body,
        onRawBytes: rec ? (bytes) => rec.onBytes(bytes) : undefined,
        onAccepted: () => (state.accepted = true),
        adapter: r.adapter,
        requestedModel: r.modelId,
        signal: r.abort.signal,
        fetch: this.deps.fetch,
        timeouts: this.deps.timeouts,
        onFrame: (raw: StreamFrame) => {
          const f = scrubFrame(raw, this.deps.redact);
          const now = Date.now();
          state.apply(f, now);
          batcher.push(f);
          if (now - lastPersist >= every && (f.type === 'content' || f.type === 'reasoning')) {
            lastPersist = now;
            persist(partial());
          }
        },
      });
    } catch (err) {
      state.apply({ type: 'error', error: { code: 'internal', message: `The reply failed: ${(err as Error).message}` } });
      outcome = 'error';
    }

    state.timings.finishedAt = Date.now();
    const status: MessageStatus = state.error && outcome !== 'aborted' ? 'error' : STATUS[outcome];
    const error =
      status === 'interrupted' && !state.error
        ? { code: 'stream_cut', message: 'The stream ended before the reply was complete; the text received is kept.' }
        : state.error;
    const billed = await this.settleCost(r, state, status);
    const final: MessagePatch = { ...partial(), status, error, ...billed };
    batcher.flush();
    persist(final);
    recorder?.settled(state.completionId);
    const message: Message = { ...r.assistant, ...final } as Message;
    // Unregister before announcing, so a send right after 'done' is not refused as busy.
    this.active.delete(id);
    events.emit('chat.done', { message });
    if (r.replaces && !state.content && !state.reasoning && status !== 'complete') putBack(this.deps, r.replaces, message);
    const conv = this.deps.conversations.get(r.conv.id);
    if (conv) {
      try {
        const touched = this.deps.conversations.update(conv.id, {});
        events.emit('conversations.changed', { conversation: touched, deletedId: null });
      } catch (err) {
        this.deps.onWriteError(err);
      }
    }
  }
}
