import type { Message } from '../../../../shared/domain';
import { MessageActions } from '../message-actions/MessageActions';
import { MessageAttachments } from '../attachments/MessageAttachments';
import { TextPieces } from '../common/TextPieces';

export function UserMessage({ message }: { message: Message }) {
  return (
    <article className="message user" aria-label="You">
      <MessageAttachments message={message} />
      <div className="user-bubble">
        <TextPieces text={message.content} />
      </div>
      <MessageActions message={message} />
    </article>
  );
}
