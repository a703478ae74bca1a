import { comboKeys, shortcutFor } from '../../../../shared/shortcuts';
import { errorMessage } from '../../bridge';
import { useProviders } from '../../stores/providers';
import { useUi } from '../../stores/ui';
import { newConversation } from '../shortcuts/commands';
import { isDesktop, platform } from '../shortcuts/platform';
import { SparkIcon } from './icons';

function newConversationKeys(): string {
  const s = shortcutFor('conversation.new')!;
  const combo = isDesktop || !s.browserCombo ? s.combos[platform][0]! : s.browserCombo;
  return comboKeys(combo, platform).join(platform === 'mac' ? '' : '+');
}

/** Shown when there is no conversation to display (first run has its own screen). */
export function EmptyState() {
  const ready = useProviders((s) => s.list.some((p) => p.hasKey));
  const openSettings = useUi((s) => s.openSettings);
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <div className="empty-mark" aria-hidden="true">
        <SparkIcon />
      </div>
      <h1 id="empty-title">{ready ? 'You’re all set' : 'Welcome to Parley'}</h1>
      {ready ? (
        <p>
          Each conversation keeps its own model, which you can change from its header at any time. Press <kbd>{newConversationKeys()}</kbd> for a
          new one, or <kbd>?</kbd> for all the shortcuts.
        </p>
      ) : (
        <p>
          Parley talks to NEAR AI Cloud, NanoGPT, LLMBase or any OpenAI-compatible endpoint. Add an API key for one of them in Settings, then
          start a new conversation.
        </p>
      )}
      {ready ? (
        <button
          type="button"
          className="button primary"
          onClick={() => newConversation().catch((err) => useUi.getState().toast('error', `Could not start a conversation: ${errorMessage(err)}`))}
        >
          Start a conversation
        </button>
      ) : (
        <button type="button" className="button primary" onClick={() => openSettings()}>
          Add a provider
        </button>
      )}
    </section>
  );
}
