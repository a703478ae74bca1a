import { memo } from 'react';
import type { Message } from '../../../../shared/domain';
import { useMessages } from '../../stores/messages';
import { useUi } from '../../stores/ui';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { TextPieces } from '../common/TextPieces';
import { MessageActions } from '../message-actions/MessageActions';
import { AssistantMessage } from './AssistantMessage';
import { UserMessage } from './UserMessage';

/** Subscribes to one message, so a token re-renders only its own row. */
export const MessageRow = memo(function MessageRow({ id }: { id: string }) {
  const message = useMessages((s) => s.byId[id]);
  const flash = useUi((s) => s.flashMessageId === id);
  if (!message) return <div className="message-row" />;
  return (
    <div className="message-row" data-search-target={flash ? '' : undefined}>
      {/* Tried again whenever the message changes: a failure on one version may not recur on the next. */}
      <ErrorBoundary resetKey={message} fallback={(error) => <BrokenMessage message={message} error={error} />}>
        {message.role === 'user' ? <UserMessage message={message} /> : <AssistantMessage message={message} />}
      </ErrorBoundary>
    </div>
  );
});

/** The names AssistantMessage and UserMessage give their articles. */
const LABELS: Record<Message['role'], string> = { user: 'You', assistant: 'Assistant', system: 'System' };

/**
 * A message whose row failed to render: says so, and still shows its text as plain text with
 * its actions (copy, delete). Those have a boundary of their own, as they may be what failed.
 */
function BrokenMessage({ message, error }: { message: Message; error: Error }) {
  return (
    <article className={`message ${message.role === 'user' ? 'user' : 'assistant'} broken`} aria-label={LABELS[message.role]} aria-busy={message.status === 'streaming'}>
      <p className="message-broken" role="alert">
        This message could not be shown in full ({error.message}). It is still saved.
      </p>
      <ErrorBoundary fallback={() => null}>
        {message.content && (
          <div className={message.role === 'user' ? 'user-bubble' : 'markdown plain'}>
            <TextPieces text={message.content} />
          </div>
        )}
        <MessageActions message={message} />
      </ErrorBoundary>
    </article>
  );
}
