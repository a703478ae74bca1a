// Which overlay is open, and transient notices. Not persisted.
import { create } from 'zustand';

export interface Toast {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

interface UiState {
  settingsOpen: boolean;
  modelPickerOpen: boolean;
  toasts: Toast[];
  /** A message to bring into view (search result); MessageList scrolls to it, then clears it. */
  scrollToMessageId: string | null;
  scrollToMessage(id: string | null): void;
  /** The message flashed after a jump to it (its row marks itself, so a re-created row keeps it). */
  flashMessageId: string | null;
  flashMessage(id: string, ms: number): void;
  /** The "Keyboard shortcuts" help dialog (components/shortcuts). */
  shortcutsOpen: boolean;
  openShortcuts(open?: boolean): void;
  openSettings(open?: boolean): void;
  /** Filters the picker starts with when opened for a purpose (e.g. vision: true from "Choose a vision model"); null otherwise. */
  modelPickerFilter: { vision?: boolean; pdf?: boolean } | null;
  openModelPicker(open?: boolean, filter?: { vision?: boolean; pdf?: boolean } | null): void;
  toast(level: Toast['level'], message: string): void;
  dismiss(id: number): void;
}

let nextToast = 1;

export const useUi = create<UiState>((set, get) => ({
  settingsOpen: false,
  modelPickerOpen: false,
  toasts: [],
  scrollToMessageId: null,
  scrollToMessage: (id) => set({ scrollToMessageId: id }),
  flashMessageId: null,
  flashMessage(id, ms) {
    set({ flashMessageId: id });
    setTimeout(() => get().flashMessageId === id && set({ flashMessageId: null }), ms);
  },
  shortcutsOpen: false,
  openShortcuts: (open = true) => set({ shortcutsOpen: open }),
  openSettings: (open = true) => set({ settingsOpen: open }),
  modelPickerFilter: null,
  openModelPicker: (open = true, filter = null) => set({ modelPickerOpen: open, modelPickerFilter: open ? filter : null }),
  toast(level, message) {
    const id = nextToast++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, level, message }] }));
    if (level !== 'error') setTimeout(() => get().dismiss(id), 6000);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
