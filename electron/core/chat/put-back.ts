// Undoing a regenerate that brought nothing.
import type { Message } from '../../../shared/domain';
import type { EventBus } from '../events';
import type { MessageRepo } from '../history/messages';

/**
 * A regenerate that brought nothing (refused, cut or stopped before any text) puts the
 * answer it replaced back where it was. A failed attempt stays after it, so its error
 * shows (and can be retried); one the user stopped goes.
 */
export function putBack(deps: { messages: MessageRepo; events: EventBus; onWriteError(err: unknown): void }, old: Message, attempt: Message): void {
  const { messages, events } = deps;
  const dropAttempt = attempt.status === 'stopped';
  try {
    messages.atomically(() => {
      messages.insert(old);
      if (dropAttempt) messages.delete(attempt.id);
    });
  } catch (err) {
    deps.onWriteError(err); // the attempt stays as it is
    return;
  }
  events.emit('chat.done', { message: old });
  if (dropAttempt) events.emit('messages.removed', { conversationId: old.conversationId, ids: [attempt.id] });
}
