// Sidebar-only state: the last deleted conversation (for Undo) and the export dialog's target.
import { create } from 'zustand';
import { errorMessage } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useUi } from '../../stores/ui';

const UNDO_MS = 8000;

interface SidebarState {
  deleted: { id: string; title: string } | null;
  exportingId: string | null;
  remove(id: string, title: string): Promise<void>;
  undo(): Promise<void>;
  dismissUndo(): void;
  openExport(id: string | null): void;
}

let undoTimer: ReturnType<typeof setTimeout> | undefined;

export const useSidebar = create<SidebarState>((set, get) => ({
  deleted: null,
  exportingId: null,

  async remove(id, title) {
    try {
      await useConversations.getState().remove(id);
    } catch (err) {
      useUi.getState().toast('error', `Could not delete “${title}”: ${errorMessage(err)}`);
      return;
    }
    clearTimeout(undoTimer);
    set({ deleted: { id, title } });
    undoTimer = setTimeout(() => get().dismissUndo(), UNDO_MS);
  },

  async undo() {
    const d = get().deleted;
    if (!d) return;
    clearTimeout(undoTimer);
    set({ deleted: null });
    try {
      const c = await useConversations.getState().restore(d.id);
      useConversations.getState().select(c.id);
    } catch (err) {
      useUi.getState().toast('error', `Could not restore “${d.title}”: ${errorMessage(err)}`);
    }
  },

  dismissUndo() {
    clearTimeout(undoTimer);
    set({ deleted: null });
  },

  openExport: (id) => set({ exportingId: id }),
}));
