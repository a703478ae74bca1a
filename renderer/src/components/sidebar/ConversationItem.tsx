import { memo } from 'react';
import type { Conversation } from '../../../../shared/domain';
import { errorMessage } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useUi } from '../../stores/ui';
import { TrashIcon } from '../common/icons';

interface Props {
  conversation: Conversation;
  selected: boolean;
}

export const ConversationItem = memo(function ConversationItem({ conversation: c, selected }: Props) {
  const title = c.title || 'Untitled';
  const remove = async () => {
    try {
      await useConversations.getState().remove(c.id);
    } catch (err) {
      useUi.getState().toast('error', `Could not delete “${title}”: ${errorMessage(err)}`);
    }
  };
  return (
    <li className={`conversation-item${selected ? ' selected' : ''}`}>
      {/* A link, so the list reads as navigation; the hash keeps nothing, selection lives in the store. */}
      <a
        href={`#${c.id}`}
        className="conversation-link"
        aria-current={selected ? 'page' : undefined}
        title={title}
        onClick={(e) => {
          e.preventDefault();
          useConversations.getState().select(c.id);
        }}
      >
        <span className="conversation-title">{title}</span>
      </a>
      <button type="button" className="icon-button conversation-delete" onClick={remove}>
        <TrashIcon />
        <span className="sr-only">Delete conversation {title}</span>
      </button>
    </li>
  );
});
