import type { SearchHit } from '../../../../shared/contract/history';
import { useConversations } from '../../stores/conversations';
import { useUi } from '../../stores/ui';

/** Opens the hit's conversation and asks the message list to bring the message into view. */
export function openHit(hit: SearchHit): void {
  useUi.getState().scrollToMessage(hit.messageId);
  useConversations.getState().select(hit.conversationId);
}
