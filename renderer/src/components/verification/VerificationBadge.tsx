// "Verified" / "Verification failed" / "Not verifiable" / "Verifying…" for Private NEAR
// replies (issue 9); a click opens the evidence. Nothing for other replies.
import { lazy, useState } from 'react';
import type { Message, VerificationResult } from '../../../../shared/domain';
import { errorMessage } from '../../bridge';
import { providerById, useProviders } from '../../stores/providers';
import { useUi } from '../../stores/ui';
import { isEligible, useVerification } from '../../stores/verification';
import { LazyPart } from '../common/LazyPart';
import { ShieldAlertIcon, ShieldCheckIcon, ShieldOffIcon } from './icons';
import { STATUS_LABEL } from './labels';
import '../../styles/verification.css';

const loadDetails = () => import('./VerificationDetails');
const VerificationDetails = lazy(loadDetails);

export function VerificationBadge({ message }: { message: Message }) {
  const kind = useProviders((s) => providerById(s.list, message.providerId)?.kind);
  const live = useVerification((s) => s.results[message.id]);
  const pending = useVerification((s) => s.pending[message.id] === true);
  const [open, setOpen] = useState(false);
  const result = live ?? message.verification;
  if (!result && !isEligible(message, kind)) return null;
  if (message.status === 'streaming') return null;

  if (!result && !pending) return <VerifyButton id={message.id} />;
  return (
    <>
      {pending || !result ? (
        <span className="verify-badge pending" role="status">
          <span className="verify-spinner" aria-hidden="true" />
          Verifying…
        </span>
      ) : (
        <ResultBadge result={result} onOpen={() => setOpen(true)} />
      )}
      {/* Outside the badge, so the details stay open while their Verify button re-checks. */}
      {open && result && (
        <LazyPart onClose={() => setOpen(false)}>
          <VerificationDetails messageId={message.id} result={result} onClose={() => setOpen(false)} />
        </LazyPart>
      )}
    </>
  );
}

function ResultBadge({ result, onOpen }: { result: VerificationResult; onOpen(): void }) {
  const Icon = result.status === 'verified' ? ShieldCheckIcon : result.status === 'failed' ? ShieldAlertIcon : ShieldOffIcon;
  return (
    <span className={`verify-badge ${result.status}`}>
      <button type="button" className="verify-chip" onClick={onOpen} onPointerEnter={() => void loadDetails()} onFocus={() => void loadDetails()} title="Show verification details">
        <Icon />
        {STATUS_LABEL[result.status]}
      </button>
      {result.status !== 'verified' && (
        <span className="verify-reason" title={result.reason}>
          {result.reason}
        </span>
      )}
    </span>
  );
}

function VerifyButton({ id }: { id: string }) {
  return (
    <button
      type="button"
      className="verify-action"
      onClick={() => void useVerification.getState().run(id).catch((err: unknown) => useUi.getState().toast('error', `Could not verify the reply: ${errorMessage(err)}`))}
      title="Check the provider’s TEE signature for this reply"
    >
      <ShieldCheckIcon />
      Verify
    </button>
  );
}
