import { useSidebar } from './sidebar-store';
import { CloseIcon } from '../common/Dialog';

/** "Deleted “Title”. Undo" after a conversation went to the trash. */
export function UndoToast() {
  const deleted = useSidebar((s) => s.deleted);
  if (!deleted) return null;
  return (
    <div className="undo-toast" role="status">
      <span className="undo-text">
        Deleted “<span className="undo-title">{deleted.title}</span>”
      </span>
      <button type="button" className="undo-button" onClick={() => void useSidebar.getState().undo()}>
        Undo
      </button>
      <button type="button" className="icon-button" onClick={() => useSidebar.getState().dismissUndo()}>
        <CloseIcon />
        <span className="sr-only">Dismiss</span>
      </button>
    </div>
  );
}
