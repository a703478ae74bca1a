import { create } from 'zustand';
import type { Conversation } from '../../../shared/domain';
import { api } from '../bridge';
import { useMessages } from './messages';
import { useProviders } from './providers';

interface ConversationsState {
  list: Conversation[];
  loaded: boolean;
  selectedId: string | null;
  /** A new conversation is being created: what is typed now must not go to the one still shown. */
  creating: boolean;
  load(): Promise<void>;
  select(id: string | null): void;
  upsert(c: Conversation): void;
  removeLocal(id: string): void;
  create(): Promise<Conversation>;
  /** Moves it to the trash; undo with restore(). */
  remove(id: string): Promise<void>;
  restore(id: string): Promise<Conversation>;
  rename(id: string, title: string): Promise<void>;
  setPinned(id: string, pinned: boolean): Promise<void>;
  setModel(id: string, providerId: string | null, modelId: string | null): Promise<void>;
}

const byActivity = (a: Conversation, b: Conversation) =>
  Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt || b.createdAt - a.createdAt;

export const useConversations = create<ConversationsState>((set, get) => ({
  list: [],
  loaded: false,
  selectedId: null,
  creating: false,

  async load() {
    const list = await api('conversations.list', {});
    set((s) => ({
      list: [...list].sort(byActivity),
      loaded: true,
      selectedId: s.selectedId && list.some((c) => c.id === s.selectedId) ? s.selectedId : null,
    }));
  },

  select(id) {
    if (get().selectedId === id) return;
    set({ selectedId: id });
    if (id) {
      void useMessages.getState().load(id).catch(() => undefined);
      void api('settings.update', { lastConversationId: id }).catch(() => undefined);
    }
  },

  upsert(c) {
    set((s) => ({ list: [c, ...s.list.filter((x) => x.id !== c.id)].sort(byActivity) }));
  },

  removeLocal(id) {
    set((s) => {
      const index = s.list.findIndex((c) => c.id === id);
      const list = s.list.filter((c) => c.id !== id);
      let selectedId = s.selectedId;
      if (selectedId === id) selectedId = (list[index] ?? list[index - 1])?.id ?? null;
      return { list, selectedId };
    });
    const next = get().selectedId;
    if (next) void useMessages.getState().load(next).catch(() => undefined);
    useMessages.getState().forget(id);
  },

  async create() {
    const { list, selectedId } = get();
    const previous = list.find((c) => c.id === selectedId) ?? list[0];
    let providerId: string | null = null;
    let modelId: string | null = null;
    if (previous?.modelId) {
      providerId = previous.providerId;
      modelId = previous.modelId;
    } else {
      const p = useProviders.getState().list.find((x) => x.hasKey && x.defaultModel);
      if (p) {
        providerId = p.id;
        modelId = p.defaultModel;
      }
    }
    set({ creating: true });
    try {
      const c = await api('conversations.create', { providerId, modelId });
      get().upsert(c);
      get().select(c.id);
      return c;
    } finally {
      set({ creating: false });
    }
  },

  async remove(id) {
    await api('conversations.delete', { id });
    get().removeLocal(id);
  },

  async restore(id) {
    const c = await api('conversations.restore', { id });
    get().upsert(c);
    return c;
  },

  async rename(id, title) {
    get().upsert(await api('conversations.update', { id, title }));
  },

  async setPinned(id, pinned) {
    get().upsert(await api('conversations.update', { id, pinned }));
  },

  async setModel(id, providerId, modelId) {
    const c = await api('conversations.update', { id, providerId, modelId });
    get().upsert(c);
  },
}));

export const useSelectedConversation = () =>
  useConversations((s) => (s.selectedId ? (s.list.find((c) => c.id === s.selectedId) ?? null) : null));
