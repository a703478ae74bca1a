import { useProviders } from '../../stores/providers';
import { useUi } from '../../stores/ui';
import { SparkIcon } from './icons';

/** Shown when there is no conversation to display. */
export function EmptyState() {
  const ready = useProviders((s) => s.list.some((p) => p.hasKey));
  const openSettings = useUi((s) => s.openSettings);
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <div className="empty-mark" aria-hidden="true">
        <SparkIcon />
      </div>
      <h1 id="empty-title">{ready ? 'Start a conversation' : 'Welcome to Parley'}</h1>
      {ready ? (
        <p>
          Use <strong>New conversation</strong> in the sidebar to start chatting. Each conversation keeps its own model, which you can change from
          its header at any time.
        </p>
      ) : (
        <p>
          Parley talks to NEAR AI Cloud, NanoGPT, LLMBase or any OpenAI-compatible endpoint. Add an API key for one of them in Settings, then
          start a new conversation.
        </p>
      )}
      {!ready && (
        <button type="button" className="button primary" onClick={() => openSettings()}>
          Add a provider
        </button>
      )}
    </section>
  );
}
