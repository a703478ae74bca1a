import type { Message } from '../../../../shared/domain';
import { ReplyCost } from '../cost/ReplyCost';
import { ReplyProvenance } from '../provenance/ReplyProvenance';
import { VerificationBadge } from '../verification/VerificationBadge';

/** The line under a reply. Each part is owned by its feature's folder. */
export function MessageMeta({ message }: { message: Message }) {
  if (!message.modelServed && !message.modelRequested && !message.usage) return null;
  return (
    <div className="message-meta">
      <ReplyProvenance message={message} />
      <ReplyCost message={message} />
      <VerificationBadge message={message} />
    </div>
  );
}
