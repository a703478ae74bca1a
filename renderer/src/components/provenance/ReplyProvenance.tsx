// Who answered a reply: the model (by its catalog name, id on hover), the provider, the
// privacy of the route, and — when LLMBase fell back — which model really served and why.
import { memo, useState } from 'react';
import type { Fallback, Message } from '../../../../shared/domain';
import { findModel, useCatalog } from '../../stores/catalog';
import { useProviders } from '../../stores/providers';
import { PrivacyBadge } from './PrivacyBadge';

export const ReplyProvenance = memo(function ReplyProvenance({ message }: { message: Message }) {
  const fallback = message.fallback && (message.fallback.served || message.fallback.reason) ? message.fallback : null;
  // With a fallback the requested model is the headline and the served one the note.
  const shown = fallback ? (message.modelRequested ?? message.modelServed) : (message.modelServed ?? message.modelRequested);
  const name = useCatalog((s) => (shown ? (findModel(s.models, message.providerId, shown)?.name ?? null) : null));
  const providerName = useProviders((s) => s.list.find((p) => p.id === message.providerId)?.name ?? null);
  if (!shown) return null;
  return (
    <span className="provenance">
      <span className="meta-model" title={shown}>
        {name || shown}
      </span>
      {providerName && <span className="meta-provider">{providerName}</span>}
      {message.privacy && <PrivacyBadge privacy={message.privacy} compact />}
      {fallback && <FallbackNote fallback={fallback} providerId={message.providerId} />}
    </span>
  );
});

function FallbackNote({ fallback, providerId }: { fallback: Fallback; providerId: string | null }) {
  const [open, setOpen] = useState(false);
  const served = fallback.served;
  const servedName = useCatalog((s) => (served ? (findModel(s.models, providerId, served)?.name ?? null) : null));
  const reason = fallback.reason ?? 'The provider did not say why.';
  return (
    <span className="fallback">
      <button type="button" className="fallback-toggle" aria-expanded={open} title={`Fallback: ${reason}`} onClick={() => setOpen(!open)}>
        served by {servedName ?? served ?? 'another model'} (fallback)
      </button>
      {open && (
        <span className="fallback-detail" role="note">
          {fallback.requested && <>Requested {fallback.requested}. </>}
          Reason: {reason}
          {fallback.chain.length > 1 && <> Route: {fallback.chain.join(' → ')}.</>}
        </span>
      )}
    </span>
  );
}
