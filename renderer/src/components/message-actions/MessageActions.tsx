// Copy, regenerate, edit and delete for one message (issue 6). Shown on hover/focus (always
// for the last answer); every action is a named button, so the keyboard reaches them.
import { lazy, useEffect, useState } from 'react';
import type { Message } from '../../../../shared/domain';
import { api, errorMessage } from '../../bridge';
import { useMessages } from '../../stores/messages';
import { useUi } from '../../stores/ui';
import { CheckIcon, CopyIcon, TrashIcon } from '../common/icons';
import { LazyPart } from '../common/LazyPart';
import { PencilIcon, RefreshIcon } from '../sidebar/row-icons';
import { useCopy } from '../common/useCopy';
import { regenerate } from './regenerate';
import { MessageEditor } from './MessageEditor';
import '../../styles/message-actions.css';

const RegenerateDialog = lazy(() => import('./RegenerateDialog'));

const fail = (what: string) => (err: unknown) => useUi.getState().toast('error', `Could not ${what}: ${errorMessage(err)}`);

export function MessageActions({ message }: { message: Message }) {
  const cid = message.conversationId;
  const isLast = useMessages((s) => {
    const ids = s.idsByConversation[cid];
    return ids ? ids[ids.length - 1] === message.id : false;
  });
  const busy = useMessages((s) => s.streaming[cid] !== undefined);
  const [editing, setEditing] = useState(false);
  const [choosing, setChoosing] = useState(false);

  if (message.status === 'streaming' || message.role === 'system') return null;
  if (editing) return <MessageEditor message={message} onClose={() => setEditing(false)} />;

  const answer = message.role === 'assistant';
  return (
    <div className={`message-actions${answer ? '' : ' user'}${isLast ? ' last' : ''}`} role="group" aria-label="Message actions">
      <CopyButton text={message.content} />
      {answer && isLast && (
        <>
          <button type="button" className="action-button" aria-label="Regenerate" title="Regenerate" disabled={busy} onClick={() => void regenerate(message).catch(fail('regenerate the answer'))}>
            <RefreshIcon />
          </button>
          <button type="button" className="action-button text" disabled={busy} onClick={() => setChoosing(true)}>
            Regenerate with…
          </button>
        </>
      )}
      {!answer && (
        <button type="button" className="action-button" aria-label="Edit message" title="Edit" disabled={busy} onClick={() => setEditing(true)}>
          <PencilIcon />
        </button>
      )}
      <DeleteButton id={message.id} />
      {choosing && (
        <LazyPart onClose={() => setChoosing(false)}>
          <RegenerateDialog message={message} onClose={() => setChoosing(false)} />
        </LazyPart>
      )}
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, copy] = useCopy();
  return (
    <span className="copy-wrap">
      <button
        type="button"
        className={`action-button${copied ? ' done' : ''}`}
        aria-label="Copy message"
        title="Copy"
        onClick={() =>
          void copy(text).catch(fail('copy the message'))
        }
      >
        {copied ? <CheckIcon /> : <CopyIcon />}
      </button>
      <span className="action-feedback" role="status">
        {copied ? 'Copied' : ''}
      </span>
    </span>
  );
}

/** Deleting a message cannot be undone, so it asks once more, in place, for a moment. */
function DeleteButton({ id }: { id: string }) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(t);
  }, [armed]);
  if (!armed) {
    return (
      <button type="button" className="action-button" aria-label="Delete message" title="Delete" onClick={() => setArmed(true)}>
        <TrashIcon />
      </button>
    );
  }
  return (
    <button
      type="button"
      className="action-button text danger"
      autoFocus
      onBlur={() => setArmed(false)}
      onClick={() => {
        setArmed(false);
        void api('messages.delete', { id }).catch(fail('delete the message'));
      }}
    >
      <TrashIcon />
      Confirm delete
    </button>
  );
}
