// Attachments waiting in the composer, per conversation. Each file is checked and stored by
// main (attachments.add) as soon as it is attached; the composer's send names the ready ones
// (`...attachmentIdsFor(conversationId)` in its chat.send input). They leave this store when
// the sent user message carrying them arrives in the messages store, so a failed send keeps
// them for the next try.
import { create } from 'zustand';
import type { AttachmentRef } from '../../../shared/domain';
import { api, errorMessage } from '../bridge';
import { useMessages } from './messages';

export interface PendingAttachment {
  /** Local key (the server id is known only once the upload is checked). */
  key: string;
  name: string;
  /** What the browser says; the server decides from the bytes. */
  type: string;
  /** blob: URL of the local file, for the thumbnail (revoked on removal). */
  previewUrl: string | null;
  status: 'checking' | 'ready' | 'refused';
  ref: AttachmentRef | null;
  error: string | null;
}

interface AttachmentsState {
  pending: Record<string, PendingAttachment[]>;
  add(conversationId: string, files: readonly File[]): Promise<void>;
  /** Removes one from the composer (and from the data folder when it was stored). */
  remove(conversationId: string, key: string): void;
}

const NONE: PendingAttachment[] = [];
let nextKey = 1;

export const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf';

export const useAttachments = create<AttachmentsState>((set, get) => ({
  pending: {},

  async add(conversationId, files) {
    const items = files.map<PendingAttachment>((f) => ({
      key: `a${nextKey++}`,
      name: f.name || 'pasted image',
      type: f.type,
      previewUrl: f.type.startsWith('image/') ? URL.createObjectURL(f) : null,
      status: 'checking',
      ref: null,
      error: null,
    }));
    set((s) => ({ pending: { ...s.pending, [conversationId]: [...(s.pending[conversationId] ?? NONE), ...items] } }));
    await Promise.all(
      files.map(async (file, i) => {
        const key = items[i]!.key;
        let patch: Partial<PendingAttachment>;
        try {
          const ref = await api('attachments.add', { conversationId, name: items[i]!.name, dataBase64: await toBase64(file), ...(file.type ? { declaredMime: file.type } : {}) });
          patch = { status: 'ready', ref };
        } catch (err) {
          patch = { status: 'refused', error: errorMessage(err) };
        }
        // Removed while it was being checked: drop what the server stored.
        if (!get().pending[conversationId]?.some((p) => p.key === key)) {
          if (patch.ref) void api('attachments.remove', { id: patch.ref.id }).catch(() => undefined);
          return;
        }
        update(conversationId, key, patch);
      }),
    );
  },

  remove(conversationId, key) {
    const item = get().pending[conversationId]?.find((p) => p.key === key);
    if (!item) return;
    drop(conversationId, [key]);
    // Best effort: an unsent file left behind is removed at the next start after a day anyway.
    if (item.ref) void api('attachments.remove', { id: item.ref.id }).catch(() => undefined);
  },
}));

function update(conversationId: string, key: string, patch: Partial<PendingAttachment>) {
  useAttachments.setState((s) => ({
    pending: { ...s.pending, [conversationId]: (s.pending[conversationId] ?? NONE).map((p) => (p.key === key ? { ...p, ...patch } : p)) },
  }));
}

function drop(conversationId: string, keys: string[]) {
  useAttachments.setState((s) => {
    const list = s.pending[conversationId] ?? NONE;
    for (const p of list) if (keys.includes(p.key) && p.previewUrl) URL.revokeObjectURL(p.previewUrl);
    const rest = list.filter((p) => !keys.includes(p.key));
    const pending = { ...s.pending };
    if (rest.length > 0) pending[conversationId] = rest;
    else delete pending[conversationId];
    return { pending };
  });
}

/** The composer's pending list (a stable empty array when there is none). */
export const usePending = (conversationId: string) => useAttachments((s) => s.pending[conversationId] ?? NONE);

/** For chat.send: `{ attachmentIds }` of the ready attachments, or nothing. */
export function attachmentIdsFor(conversationId: string): { attachmentIds?: string[] } {
  const ids = (useAttachments.getState().pending[conversationId] ?? NONE).flatMap((p) => (p.status === 'ready' && p.ref ? [p.ref.id] : []));
  return ids.length > 0 ? { attachmentIds: ids } : {};
}

// Sent: once a message carrying pending ids is in the messages store, they leave the composer.
// Cheap on every stream frame: nothing to do unless something is pending.
useMessages.subscribe((s, prev) => {
  if (s.byId === prev.byId) return;
  const pending = useAttachments.getState().pending;
  for (const [conversationId, list] of Object.entries(pending)) {
    const ready = list.filter((p) => p.ref);
    if (ready.length === 0) continue;
    const ids = s.idsByConversation[conversationId] ?? [];
    const sent = new Set<string>();
    // The sent message is among the newest two (the reply may already follow it).
    for (const id of ids.slice(-3)) for (const a of s.byId[id]?.attachments ?? []) sent.add(a.id);
    const keys = ready.filter((p) => sent.has(p.ref!.id)).map((p) => p.key);
    if (keys.length > 0) drop(conversationId, keys);
  }
});

function toBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
