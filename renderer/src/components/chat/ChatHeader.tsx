import { useCatalog, findModel } from '../../stores/catalog';
import { useConversations } from '../../stores/conversations';
import { providerById, useProviders } from '../../stores/providers';
import { useUi } from '../../stores/ui';
import { ChevronDownIcon } from '../common/icons';
import { ConversationCost } from '../cost/ConversationCost';
import { PrivacyControls } from '../provenance/PrivacyControls';

export function ChatHeader({ conversationId }: { conversationId: string }) {
  const conversation = useConversations((s) => s.list.find((c) => c.id === conversationId));
  const models = useCatalog((s) => s.models);
  const provider = useProviders((s) => providerById(s.list, conversation?.providerId));
  const openPicker = useUi((s) => s.openModelPicker);
  if (!conversation) return null;
  const model = findModel(models, conversation.providerId, conversation.modelId);
  const modelName = model?.name || conversation.modelId;
  return (
    <header className="chat-header">
      <h1 className="chat-title" title={conversation.title}>
        {conversation.title || 'Untitled'}
      </h1>
      <ConversationCost conversationId={conversationId} />
      <PrivacyControls conversationId={conversationId} />
      <button type="button" className={`model-button${modelName ? '' : ' missing'}`} onClick={() => openPicker()}>
        <span className="sr-only">Model: </span>
        {modelName ? (
          <>
            <span className="model-button-name">{modelName}</span>
            {provider && <span className="model-button-provider">{provider.name}</span>}
          </>
        ) : (
          <span className="model-button-name">Choose a model</span>
        )}
        <ChevronDownIcon />
      </button>
    </header>
  );
}
