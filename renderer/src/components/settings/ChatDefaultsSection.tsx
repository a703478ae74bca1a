// Defaults for new conversations: the budget cap each one starts with (editable per conversation
// from the header's "Conversation cost").
import { useEffect, useState } from 'react';
import { formatUsd } from '../../../../shared/cost/format';
import { errorMessage } from '../../bridge';
import { useSettings } from '../../stores/settings';
import { parseUsd } from '../cost/parse-usd';
import '../../styles/cost.css';

export function ChatDefaultsSection() {
  const budget = useSettings((s) => (s.settings ? s.settings.defaultBudgetUsd : undefined));
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (budget !== undefined) setValue(budget === null ? '' : String(budget));
  }, [budget]);

  const save = async () => {
    const parsed = parseUsd(value);
    if (typeof parsed === 'string') return setError(parsed);
    setError(null);
    try {
      await useSettings.getState().update({ defaultBudgetUsd: parsed });
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const current = budget === undefined ? '' : budget === null ? 'No budget' : `${formatUsd(budget)} per conversation`;
  return (
    <section className="settings-section" aria-labelledby="chat-defaults-heading">
      <h3 id="chat-defaults-heading">New conversations</h3>
      <form
        className="default-budget"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field inline">
          <span>Default budget</span>
          <span className="usd-input">
            <span aria-hidden="true">$</span>
            <input
              inputMode="decimal"
              aria-label="Default budget (USD)"
              placeholder="none"
              value={value}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                setValue(e.target.value);
                setSaved(false);
              }}
            />
          </span>
        </label>
        <button type="submit" className="button small">
          Apply
        </button>
      </form>
      <p className="section-note">
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : (
          <>
            {saved ? 'Saved. ' : ''}
            {current ? `${current}. ` : ''}A send that could take a conversation past its budget is held until you choose to send it anyway. Empty means no cap.
          </>
        )}
      </p>
    </section>
  );
}
