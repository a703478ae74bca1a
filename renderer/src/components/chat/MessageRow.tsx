import { memo } from 'react';
import { useMessages } from '../../stores/messages';
import { AssistantMessage } from './AssistantMessage';
import { UserMessage } from './UserMessage';

/** Subscribes to one message, so a token re-renders only its own row. */
export const MessageRow = memo(function MessageRow({ id }: { id: string }) {
  const message = useMessages((s) => s.byId[id]);
  if (!message) return <div className="message-row" />;
  return <div className="message-row">{message.role === 'user' ? <UserMessage message={message} /> : <AssistantMessage message={message} />}</div>;
});
