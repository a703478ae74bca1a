// The evidence behind a verification badge: what was signed, the hashes side by side,
// who signed, the attestation report that lists the signer, and what was not checked.
import { Children, type ReactNode } from 'react';
import type { VerificationResult } from '../../../../shared/domain';
import { errorMessage } from '../../bridge';
import { useUi } from '../../stores/ui';
import { useVerification } from '../../stores/verification';
import { Dialog } from '../common/Dialog';
import { STATUS_LABEL } from './labels';
import { ShieldAlertIcon, ShieldCheckIcon, ShieldOffIcon } from './icons';

interface Props {
  messageId: string;
  result: VerificationResult;
  onClose(): void;
}

const same = (a: string | null, b: string | null) => a !== null && b !== null && a.replace(/^0x/, '').toLowerCase() === b.replace(/^0x/, '').toLowerCase();
const when = (t: number | null) => (t ? new Date(t).toLocaleString() : '—');

export default function VerificationDetails({ messageId, result, onClose }: Props) {
  const e = result.evidence;
  const running = useVerification((s) => s.pending[messageId] === true);
  const Icon = result.status === 'verified' ? ShieldCheckIcon : result.status === 'failed' ? ShieldAlertIcon : ShieldOffIcon;
  const signer = e.signer ?? e.signingAddress;
  return (
    <Dialog title="Verification details" onClose={onClose} className="verify-details">
      <div className="verify-scroll">
        <div className={`verify-summary ${result.status}`}>
          <Icon />
          <div>
            <strong>{STATUS_LABEL[result.status]}</strong>
            <p>{result.reason}</p>
          </div>
        </div>

        <Section title="Signed text">
          <Mono>{e.signedText}</Mono>
          <Facts>
            <Fact label="Model">{e.signedModel ?? e.model}</Fact>
            <Fact label="Completion id">{e.completionId && <Mono inline>{e.completionId}</Mono>}</Fact>
          </Facts>
        </Section>

        <Section title="Hashes">
          <table className="verify-hashes">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">Signed by the provider</th>
                <th scope="col">Computed by Parley</th>
              </tr>
            </thead>
            <tbody>
              <HashRow label="Request" signed={e.requestHash} computed={e.expectedRequestHash} />
              <HashRow label="Response" signed={e.responseHash} computed={e.expectedResponseHash} />
            </tbody>
          </table>
          <p className="verify-note">SHA-256 of the exact bytes this app sent and received.</p>
        </Section>

        <Section title="Signer">
          <Facts>
            <Fact label="Recovered signer">{e.signer && <Mono inline>{e.signer}</Mono>}</Fact>
            <Fact label="Signing address">
              {e.signingAddress && <Mono inline>{e.signingAddress}</Mono>}
              {e.signer && e.signingAddress && <Match ok={same(e.signer, e.signingAddress)} />}
            </Fact>
            <Fact label="Signature kind">{e.signatureKind}</Fact>
          </Facts>
        </Section>

        <Section title="Attestation report">
          <Facts>
            <Fact label="Our nonce">{e.nonce && <Mono inline>{e.nonce}</Mono>}</Fact>
            <Fact label="Report nonce">
              {e.requestNonce && <Mono inline>{e.requestNonce}</Mono>}
              {e.nonce && e.requestNonce && <Match ok={same(e.nonce, e.requestNonce)} />}
            </Fact>
            <Fact label="Attested addresses">
              {e.attestedAddresses.length > 0 && (
                <ul className="verify-addresses">
                  {e.attestedAddresses.map((a) => (
                    <li key={a} className={signer && same(a, signer) ? 'signer' : undefined}>
                      <Mono inline>{a}</Mono>
                      {signer && same(a, signer) && <span className="verify-tag">signer</span>}
                    </li>
                  ))}
                </ul>
              )}
            </Fact>
            <Fact label="report_data">{e.reportData && <Mono inline>{e.reportData}</Mono>}</Fact>
            <Fact label="Expected">
              {e.expectedReportData && <Mono inline>{e.expectedReportData}</Mono>}
              {e.reportData && e.expectedReportData && <Match ok={same(e.reportData, e.expectedReportData)} />}
            </Fact>
            <Fact label="Report fetched">{e.reportFetchedAt ? when(e.reportFetchedAt) : null}</Fact>
          </Facts>
        </Section>

        <Section title="Checked">
          <Facts>
            <Fact label="Checked at">{when(result.checkedAt)}</Fact>
          </Facts>
          <p className="verify-not-checked">
            <strong>Not checked here: </strong>
            {result.notChecked}
          </p>
        </Section>
      </div>
      <div className="form-actions verify-actions">
        <button
          type="button"
          className="button"
          disabled={running}
          onClick={() => void useVerification.getState().run(messageId).catch((err: unknown) => useUi.getState().toast('error', `Could not verify the reply: ${errorMessage(err)}`))}
        >
          {running ? 'Verifying…' : 'Verify'}
        </button>
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="verify-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="verify-facts">{children}</dl>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const empty = Children.toArray(children).length === 0;
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? <span className="verify-missing">not reached</span> : children}</dd>
    </>
  );
}

function Mono({ children, inline }: { children: string | null; inline?: boolean }) {
  if (!children) return <span className="verify-missing">not reached</span>;
  return inline ? <code className="verify-mono">{children}</code> : <pre className="verify-mono block">{children}</pre>;
}

function HashRow({ label, signed, computed }: { label: string; signed: string | null; computed: string | null }) {
  const ok = same(signed, computed);
  return (
    <tr className={signed && computed ? (ok ? 'match' : 'mismatch') : undefined}>
      <th scope="row">
        {label}
        {signed && computed && <Match ok={ok} />}
      </th>
      <td>
        <Mono inline>{signed}</Mono>
      </td>
      <td>
        <Mono inline>{computed}</Mono>
      </td>
    </tr>
  );
}

function Match({ ok }: { ok: boolean }) {
  return <span className={`verify-match ${ok ? 'ok' : 'bad'}`}>{ok ? 'match' : 'differs'}</span>;
}
