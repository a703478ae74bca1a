import type { Message } from '../../../../shared/domain';

export function UserMessage({ message }: { message: Message }) {
  return (
    <article className="message user" aria-label="You">
      <div className="user-bubble">{message.content}</div>
    </article>
  );
}
