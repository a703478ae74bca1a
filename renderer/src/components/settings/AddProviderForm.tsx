import { useState } from 'react';
import { ApiCallError, errorMessage } from '../../bridge';
import { useProviders } from '../../stores/providers';
import { FormFooter } from '../common/FormFooter';

type Field = 'name' | 'baseUrl' | 'apiKey' | 'defaultModel';

export function AddProviderForm({ onDone }: { onDone(): void }) {
  const [values, setValues] = useState<Record<Field, string>>({ name: '', baseUrl: '', apiKey: '', defaultModel: '' });
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [saving, setSaving] = useState(false);
  const set = (f: Field) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [f]: e.target.value }));

  const save = async () => {
    setSaving(true);
    setError(null);
    setFieldErrors({});
    try {
      await useProviders.getState().save({
        name: values.name,
        baseUrl: values.baseUrl,
        defaultModel: values.defaultModel.trim() || null,
        ...(values.apiKey.trim() ? { apiKey: values.apiKey.trim() } : {}),
      });
      onDone();
    } catch (err) {
      if (err instanceof ApiCallError && err.issues.length > 0) {
        const byField: Partial<Record<Field, string>> = {};
        const elsewhere: string[] = [];
        for (const i of err.issues) {
          const f = i.path.split('.')[0] as Field;
          if (f in values) byField[f] ??= i.message;
          else elsewhere.push(i.message);
        }
        setFieldErrors(byField);
        // Each field says what is wrong with it; the footer only says what no field shows.
        setError(elsewhere.length > 0 ? elsewhere.join(' ') : null);
        return;
      }
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  // The field's name is its label alone; its error describes it (inside the label, it would rename it).
  const field = (f: Field, label: string, input: React.InputHTMLAttributes<HTMLInputElement>) => (
    <label className="field">
      <span id={`add-provider-${f}`}>{label}</span>
      <input
        value={values[f]}
        onChange={set(f)}
        aria-labelledby={`add-provider-${f}`}
        aria-invalid={fieldErrors[f] ? true : undefined}
        aria-describedby={fieldErrors[f] ? `add-provider-${f}-error` : undefined}
        spellCheck={false}
        {...input}
      />
      {fieldErrors[f] && (
        <span className="field-error" id={`add-provider-${f}-error`}>
          {fieldErrors[f]}
        </span>
      )}
    </label>
  );

  return (
    <form
      className="add-provider"
      aria-label="Add provider"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="form-grid">
        {field('name', 'Name', { placeholder: 'My provider', autoFocus: true })}
        {field('baseUrl', 'Base URL', { placeholder: 'https://api.example.com/v1', inputMode: 'url' })}
        {field('apiKey', 'API key', { type: 'password', autoComplete: 'off', placeholder: 'Stored in the system keychain' })}
        {field('defaultModel', 'Model', { placeholder: 'Default model id, e.g. gpt-4o-mini', autoComplete: 'off' })}
      </div>
      <FormFooter error={error} busy={saving} submitLabel="Save" onCancel={onDone} />
    </form>
  );
}
