// Editing one conversation's budget cap (USD): a send whose estimate would pass it is held.
import { useState } from 'react';
import { api, errorMessage } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useCost } from '../../stores/cost';
import { parseUsd } from './parse-usd';

export function BudgetEditor({ conversationId, budgetUsd, onDone }: { conversationId: string; budgetUsd: number | null; onDone(): void }) {
  const [value, setValue] = useState(budgetUsd === null ? '' : String(budgetUsd));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (next: number | null) => {
    setSaving(true);
    setError(null);
    try {
      const c = await api('conversations.update', { id: conversationId, budgetUsd: next });
      useConversations.getState().upsert(c);
      useCost.getState().changed(conversationId);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="budget-editor"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseUsd(value);
        if (typeof parsed === 'string') return setError(parsed);
        void save(parsed);
      }}
    >
      <label className="budget-input">
        <span>Budget (USD)</span>
        <span className="usd-input">
          <span aria-hidden="true">$</span>
          <input
            autoFocus
            inputMode="decimal"
            value={value}
            placeholder="none"
            aria-invalid={error ? true : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        </span>
      </label>
      <button type="submit" className="button small primary" disabled={saving}>
        Save budget
      </button>
      {budgetUsd !== null && (
        <button type="button" className="button small ghost" disabled={saving} onClick={() => void save(null)}>
          Remove
        </button>
      )}
      <button type="button" className="button small ghost" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
