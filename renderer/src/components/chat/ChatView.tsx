import { Composer } from '../composer/Composer';
import { ChatHeader } from './ChatHeader';
import { MessageList } from './MessageList';

export function ChatView({ conversationId }: { conversationId: string }) {
  return (
    <div className="chat">
      <ChatHeader conversationId={conversationId} />
      <MessageList conversationId={conversationId} />
      <Composer conversationId={conversationId} />
    </div>
  );
}
