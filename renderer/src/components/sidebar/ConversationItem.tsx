import { memo, useCallback, useRef, useState } from 'react';
import type { Conversation } from '../../../../shared/domain';
import { errorMessage } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useUi } from '../../stores/ui';
import { TrashIcon } from '../common/icons';
import { DownloadIcon, MoreIcon, PencilIcon, PinIcon } from './row-icons';
import { RowMenu } from './RowMenu';
import { useSidebar } from './sidebar-store';

interface Props {
  conversation: Conversation;
  selected: boolean;
}

export const ConversationItem = memo(function ConversationItem({ conversation: c, selected }: Props) {
  const title = c.title || 'Untitled';
  const [editing, setEditing] = useState(false);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeMenu = useCallback((refocus: boolean) => {
    setMenuAnchor(null);
    if (refocus) menuButton.current?.focus();
  }, []);

  const report = (what: string) => (err: unknown) => useUi.getState().toast('error', `Could not ${what} “${title}”: ${errorMessage(err)}`);
  const togglePin = () => void useConversations.getState().setPinned(c.id, !c.pinned).catch(report(c.pinned ? 'unpin' : 'pin'));

  return (
    <li className={`conversation-item${selected ? ' selected' : ''}${editing ? ' editing' : ''}`}>
      {editing ? (
        <TitleEditor
          title={c.title}
          onDone={(next) => {
            setEditing(false);
            if (next !== null && next !== c.title) void useConversations.getState().rename(c.id, next).catch(report('rename'));
          }}
        />
      ) : (
        // A link, so the list reads as navigation; the hash keeps nothing, selection lives in the store.
        <a
          href={`#${c.id}`}
          className="conversation-link"
          aria-current={selected ? 'page' : undefined}
          title={title}
          onClick={(e) => {
            e.preventDefault();
            useConversations.getState().select(c.id);
          }}
          onDoubleClick={(e) => {
            e.preventDefault();
            setEditing(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'F2') {
              e.preventDefault();
              setEditing(true);
            }
          }}
        >
          {c.pinned && (
            <span className="conversation-pin" aria-hidden="true">
              <PinIcon size={12} />
            </span>
          )}
          <span className="conversation-title">{title}</span>
        </a>
      )}
      {!editing && (
        <span className={`conversation-actions${menuAnchor ? ' open' : ''}`}>
          <button
            ref={menuButton}
            type="button"
            className="icon-button"
            aria-haspopup="menu"
            aria-expanded={menuAnchor ? true : false}
            onClick={(e) => setMenuAnchor(menuAnchor ? null : e.currentTarget)}
          >
            <MoreIcon />
            <span className="sr-only">More actions for {title}</span>
          </button>
          <button type="button" className="icon-button conversation-delete" onClick={() => void useSidebar.getState().remove(c.id, title)}>
            <TrashIcon />
            <span className="sr-only">Delete conversation {title}</span>
          </button>
        </span>
      )}
      {menuAnchor && (
        <RowMenu
          anchor={menuAnchor}
          label={`Actions for ${title}`}
          onClose={closeMenu}
          items={[
            { label: 'Rename', name: `Rename conversation ${title}`, icon: <PencilIcon />, run: () => setEditing(true) },
            { label: c.pinned ? 'Unpin' : 'Pin', name: `${c.pinned ? 'Unpin' : 'Pin'} conversation ${title}`, icon: <PinIcon />, run: togglePin },
            { label: 'Export…', name: `Export conversation ${title}`, icon: <DownloadIcon />, run: () => useSidebar.getState().openExport(c.id) },
          ]}
        />
      )}
    </li>
  );
});

/** Inline title editor: Enter saves, Escape cancels, leaving the field saves. */
function TitleEditor({ title, onDone }: { title: string; onDone(next: string | null): void }) {
  const [value, setValue] = useState(title);
  const done = useRef(false);
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    const next = value.trim();
    onDone(save && next ? next.slice(0, 500) : null);
  };
  return (
    <input
      className="conversation-rename"
      aria-label="Conversation title"
      value={value}
      maxLength={500}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(false);
        }
      }}
    />
  );
}
