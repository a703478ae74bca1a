// The end of a form: its error, if any, then Cancel and the submit button (disabled while the
// form is busy). `compact` for a form inside a message, with smaller buttons.
export function FormFooter({ error, busy, submitLabel, onCancel, compact }: { error: string | null; busy: boolean; submitLabel: string; onCancel(): void; compact?: boolean }) {
  const size = compact ? ' small' : '';
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className={compact ? 'editor-actions' : 'form-actions'}>
        <button type="button" className={`button ghost${size}`} onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={`button primary${size}`} disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
