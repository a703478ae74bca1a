// The attachments domain: checks and stores what the user attaches (type by content, size by
// the conversation's provider), serves the bytes back for thumbnails, and gives the chat
// service what a send needs (pending refs, the capability check, content parts).
import type { AttachmentRef, Conversation, ModelInfo } from '../../../shared/domain';
import { AppError, notFound } from '../errors';
import type { ConversationRepo } from '../history/conversations';
import type { ProviderRecord, ProvidersRepo } from '../history/providers-repo';
import { checkSize, limitsFor } from './limits';
import { sniff } from './sniff';
import { AttachmentStore } from './attachment-store';
import { assertModelTakes, wireParts, type WirePart } from './wire';

export interface AttachmentDeps {
  store: AttachmentStore;
  conversations: ConversationRepo;
  providers: ProvidersRepo;
  listModels: () => ModelInfo[];
}

/** What chat-service needs (see ChatDeps.attachments). */
export interface ChatAttachments {
  pending(ids: string[]): AttachmentRef[];
  link(ids: string[], messageId: string): void;
  check(target: { model: ModelInfo | null; modelId: string; providerId: string }, refs: readonly AttachmentRef[]): void;
  parts(text: string, refs: readonly AttachmentRef[]): WirePart[];
}

export class AttachmentService implements ChatAttachments {
  constructor(private readonly deps: AttachmentDeps) {}

  get store(): AttachmentStore {
    return this.deps.store;
  }

  async add(input: { conversationId?: string; name: string; dataBase64: string }): Promise<AttachmentRef> {
    const bytes = decodeBase64(input.dataBase64);
    const provider = input.conversationId ? this.providerOf(this.conversation(input.conversationId)) : null;
    const found = await sniff(bytes);
    checkSize(bytes.length, found.kind, limitsFor(provider?.kind ?? null), provider?.name ?? null);
    return this.deps.store.save({ kind: found.kind, mime: found.mime, name: cleanName(input.name), bytes: bytes.length, ...size(found) }, bytes);
  }

  get(id: string): { id: string; mime: AttachmentRef['mime']; dataBase64: string } {
    const a = this.deps.store.get(id);
    if (!a) throw notFound('Attachment');
    return { id, mime: a.mime, dataBase64: this.deps.store.read(a).toString('base64') };
  }

  remove(id: string): void {
    this.deps.store.remove(id);
  }

  pending(ids: string[]): AttachmentRef[] {
    return this.deps.store.pending(ids);
  }

  link(ids: string[], messageId: string): void {
    this.deps.store.link(ids, messageId);
  }

  check(target: { model: ModelInfo | null; modelId: string; providerId: string }, refs: readonly AttachmentRef[]): void {
    if (refs.length === 0) return;
    // The model may be on another provider than the one the file was checked for.
    const provider = this.deps.providers.get(target.providerId);
    assertModelTakes(
      target.model,
      target.modelId,
      refs,
      { models: this.deps.listModels(), providerId: target.providerId, providerName: (id) => this.deps.providers.get(id)?.name ?? null },
      provider,
    );
    for (const ref of refs) {
      checkSize(ref.bytes, ref.kind, limitsFor(provider?.kind ?? null), provider?.name ?? null);
      if (!this.deps.store.exists(ref)) throw new AppError('attachment_missing', `${ref.name} is no longer in the data folder, so it cannot be sent.`);
    }
  }

  parts(text: string, refs: readonly AttachmentRef[]): WirePart[] {
    return wireParts(text, refs, (ref) => this.deps.store.read(ref));
  }

  private conversation(id: string): Conversation {
    const c = this.deps.conversations.get(id);
    if (!c) throw notFound('Conversation');
    return c;
  }

  private providerOf(c: Conversation): ProviderRecord | null {
    return c.providerId ? this.deps.providers.get(c.providerId) : null;
  }
}

const size = (f: { width?: number; height?: number }) => ({ ...(f.width ? { width: f.width } : {}), ...(f.height ? { height: f.height } : {}) });

/** Strict base64 (standard alphabet, padding optional): a data URL or junk is refused, not half-decoded. */
export function decodeBase64(text: string): Buffer {
  const t = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) throw new AppError('invalid_attachment', 'The file data is not valid base64.');
  const bytes = Buffer.from(t, 'base64');
  if (bytes.length === 0) throw new AppError('invalid_attachment', 'The file is empty.');
  return bytes;
}

/** The base name only, without control characters (it is shown and used as an export link text). */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean || 'attachment';
}
