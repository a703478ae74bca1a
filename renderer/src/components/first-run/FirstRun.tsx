// First launch: no provider has a key and there is no conversation yet. Says what to do in
// two sentences, offers each provider's key field (Settings, scrolled to it) and key page
// (opens in the system browser: Electron's window-open handler checks and hands it over),
// and the bundled model list through the model picker.
import { KEY_PAGES } from '../../../../shared/provider-key-pages';
import { errorMessage } from '../../bridge';
import { useProviders } from '../../stores/providers';
import { useUi } from '../../stores/ui';
import { SparkIcon, KeyIcon } from '../common/icons';
import { openModelPicker } from '../shortcuts/commands';
import { whenPresent } from '../shortcuts/focus';
import { openSettingsAt } from '../settings/open-settings';
import '../../styles/first-run.css';

/** Settings with its "Add provider" form open (the form focuses its first field). */
function openAddProvider(): void {
  useUi.getState().openSettings(true);
  const find = () =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('dialog[open] button')).find((b) => b.textContent?.trim() === 'Add provider') ?? null;
  void whenPresent(find, (b) => b.click());
}

export function FirstRun() {
  const providers = useProviders((s) => s.list);
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <div className="empty-mark" aria-hidden="true">
        <SparkIcon />
      </div>
      <h1 id="first-run-title">Welcome to Parley</h1>
      <p className="first-run-lead">
        Parley chats with AI models through providers you hold an API key for; the key stays in your system keychain and your conversations stay on
        this computer. Paste a key for one provider below, then choose a model and start typing.
      </p>
      <ul className="first-run-providers" aria-label="Providers">
        {providers.map((p) => {
          const page = KEY_PAGES[p.kind] && p.builtIn ? KEY_PAGES[p.kind] : null;
          return (
            <li key={p.id} className="first-run-provider">
              <span className="first-run-provider-name">{p.name}</span>
              {page && (
                <a className="first-run-link" href={page} target="_blank" rel="noopener noreferrer" aria-label={`Get a ${p.name} key (opens in your browser)`}>
                  Get a key
                  <ExternalIcon />
                </a>
              )}
              <button type="button" className="button small" onClick={() => openSettingsAt(`input[aria-label="${CSS.escape(`${p.name} key`)}"]`)}>
                <KeyIcon />
                Add {p.name} key
              </button>
            </li>
          );
        })}
      </ul>
      <div className="first-run-actions">
        <button
          type="button"
          className="button"
          onClick={() => openModelPicker().catch((err) => useUi.getState().toast('error', `Could not open the model list: ${errorMessage(err)}`))}
        >
          Browse models
        </button>
        <button type="button" className="button ghost" onClick={openAddProvider}>
          Use another OpenAI-compatible endpoint
        </button>
      </div>
    </section>
  );
}

const ExternalIcon = () => (
  <svg width="12" height="12" viewBox="0 0 12 12" fill="none" aria-hidden="true">
    <path d="M4.5 2.5h-2v7h7v-2M7 2.5h2.5V5M9.5 2.5L5.5 6.5" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
