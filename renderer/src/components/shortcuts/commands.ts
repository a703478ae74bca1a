// What each app command does. The menu (via the 'app.command' event) and the renderer's
// own keyboard handler both end here, so a shortcut behaves the same from either.
import type { AppCommand } from '../../../../shared/contract/app';
import { api, errorMessage } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useMessages } from '../../stores/messages';
import { useUi } from '../../stores/ui';
import { closeOpenDialogs, focusComposer } from './focus';

const toastError = (what: string) => (err: unknown) => useUi.getState().toast('error', `${what}: ${errorMessage(err)}`);

export async function newConversation(): Promise<void> {
  await useConversations.getState().create();
  requestAnimationFrame(() => focusComposer());
}

function step(delta: 1 | -1): void {
  const { list, selectedId, select } = useConversations.getState();
  if (list.length === 0) return;
  const i = list.findIndex((c) => c.id === selectedId);
  // From nothing selected, "next" starts at the top and "previous" at the bottom; both wrap.
  const next = i < 0 ? (delta === 1 ? 0 : list.length - 1) : (i + delta + list.length) % list.length;
  select(list[next]!.id);
}

/** Stops the selected conversation's streaming reply; false when nothing streams. */
export function stopGenerating(): boolean {
  const id = useConversations.getState().selectedId;
  const messageId = id ? useMessages.getState().streaming[id] : undefined;
  if (!messageId) return false;
  api('chat.stop', { messageId }).catch(toastError('Could not stop the reply'));
  return true;
}

function focusSearch(): void {
  const box = document.querySelector<HTMLInputElement>('input[aria-label="Search conversations"]');
  if (!box) return useUi.getState().toast('info', 'Search is not available here yet.');
  box.focus();
  box.select();
}

/** Overlays that a command replaces; the toggles close themselves when already open. */
function openOverlay(which: 'settings' | 'picker' | 'shortcuts'): void {
  const ui = useUi.getState();
  const isOpen = which === 'settings' ? ui.settingsOpen : which === 'picker' ? ui.modelPickerOpen : ui.shortcutsOpen;
  closeOpenDialogs();
  ui.openSettings(false);
  ui.openModelPicker(false);
  ui.openShortcuts(false);
  if (isOpen) return;
  if (which === 'settings') ui.openSettings(true);
  else if (which === 'picker') ui.openModelPicker(true);
  else ui.openShortcuts(true);
}

export async function openModelPicker(): Promise<void> {
  // The picker chooses the model of a conversation; with none yet, start one to choose for.
  if (!useConversations.getState().selectedId) await useConversations.getState().create();
  openOverlay('picker');
}

export function runCommand(command: AppCommand, conversationId?: string): void {
  switch (command) {
    case 'conversation.new':
      closeOpenDialogs();
      newConversation().catch(toastError('Could not start a conversation'));
      return;
    case 'conversation.previous':
    case 'conversation.next':
      closeOpenDialogs();
      return step(command === 'conversation.next' ? 1 : -1);
    case 'conversation.open':
      if (conversationId && useConversations.getState().list.some((c) => c.id === conversationId)) {
        closeOpenDialogs();
        useConversations.getState().select(conversationId);
      }
      return;
    case 'model.pick':
      openModelPicker().catch(toastError('Could not open the model picker'));
      return;
    case 'search.focus':
      closeOpenDialogs();
      return focusSearch();
    case 'settings.open':
      return openOverlay('settings');
    case 'shortcuts.show':
      return openOverlay('shortcuts');
    case 'generation.stop':
      stopGenerating();
      return;
    case 'composer.focus':
      focusComposer();
      return;
  }
}
