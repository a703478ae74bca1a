import type { Message } from '../../../../shared/domain';
import { Markdown } from '../markdown/Markdown';
import { MessageActions } from '../message-actions/MessageActions';
import { MessageMeta } from './MessageMeta';
import { MessageStatus } from './MessageStatus';
import { Thinking } from './Thinking';

export function AssistantMessage({ message }: { message: Message }) {
  const streaming = message.status === 'streaming';
  const waiting = streaming && !message.content && !message.reasoning;
  return (
    <article className={`message assistant${streaming ? ' streaming' : ''}`} aria-label={message.role === 'system' ? 'System' : 'Assistant'} aria-busy={streaming}>
      {message.reasoning ? <Thinking text={message.reasoning} streaming={streaming} answering={message.content.length > 0} timings={message.timings} reasoningTokens={message.usage?.reasoningTokens ?? null} /> : null}
      {message.content ? <Markdown text={message.content} streaming={streaming} /> : null}
      {waiting && (
        <div className="typing" aria-label="Waiting for the reply">
          <span />
          <span />
          <span />
        </div>
      )}
      <MessageStatus message={message} />
      <MessageMeta message={message} />
      <MessageActions message={message} />
    </article>
  );
}
