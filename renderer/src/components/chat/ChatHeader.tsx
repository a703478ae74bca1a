import { useCatalog, findModel } from '../../stores/catalog';
import { useConversations } from '../../stores/conversations';
import { providerById, useProviders } from '../../stores/providers';
import { useUi } from '../../stores/ui';
import { ChevronDownIcon } from '../common/icons';
import { ConversationCost } from '../cost/ConversationCost';
import { PrivacyControls } from '../provenance/PrivacyControls';

export function ChatHeader({ conversationId }: { conversationId: string }) {
  const conversation = useConversations((s) => s.list.find((c) => c.id === conversationId));
  const modelName = useCatalog((s) => (conversation ? findModel(s.models, conversation.providerId, conversation.modelId)?.name : null) || conversation?.modelId || '');
  const provider = useProviders((s) => providerById(s.list, conversation?.providerId));
  const openPicker = useUi((s) => s.openModelPicker);
  if (!conversation) return null;
  return (
    <header className="chat-header">
      <h1 className="chat-title" title={conversation.title}>
        {conversation.title || 'Untitled'}
      </h1>
      <ConversationCost conversationId={conversationId} />
      <PrivacyControls conversationId={conversationId} />
      {/* The accessible name is exactly "Model: <name>": tests and screen readers rely on it. */}
      <button
        type="button"
        className={`model-button${modelName ? '' : ' missing'}`}
        aria-label={`Model: ${modelName || 'Choose a model'}`}
        title={modelName ? `${conversation.modelId}${provider ? ` on ${provider.name}` : ''}` : undefined}
        onClick={() => openPicker()}
      >
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
