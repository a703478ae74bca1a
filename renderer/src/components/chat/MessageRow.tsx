import { memo } from 'react';
import { useMessages } from '../../stores/messages';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { AssistantMessage } from './AssistantMessage';
import { UserMessage } from './UserMessage';

/** Subscribes to one message, so a token re-renders only its own row. */
export const MessageRow = memo(function MessageRow({ id }: { id: string }) {
  const message = useMessages((s) => s.byId[id]);
  if (!message) return <div className="message-row" />;
  return (
    <div className="message-row">
      <ErrorBoundary fallback={(error) => <p className="message-broken" role="alert">This message could not be shown ({error.message}). It is still saved.</p>}>
        {message.role === 'user' ? <UserMessage message={message} /> : <AssistantMessage message={message} />}
      </ErrorBoundary>
    </div>
  );
});
