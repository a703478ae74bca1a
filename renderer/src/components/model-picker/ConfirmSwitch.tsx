import { Dialog } from '../common/Dialog';

/** Asked before a non-Private model gets a conversation that Private models answered so far. */
export function ConfirmSwitch({ modelName, onConfirm, onCancel }: { modelName: string; onConfirm(): void; onCancel(): void }) {
  return (
    <Dialog title="Leave the TEE?" onClose={onCancel} className="confirm-dialog">
      <div className="confirm-body">
        <p>The conversation so far will be sent to {modelName}, outside the TEE. Switch anyway?</p>
        <div className="dialog-actions">
          <button type="button" className="button ghost" onClick={onCancel} ref={(el) => el?.setAttribute('autofocus', '')}>
            Cancel
          </button>
          <button type="button" className="button primary" onClick={onConfirm}>
            Switch anyway
          </button>
        </div>
      </div>
    </Dialog>
  );
}
