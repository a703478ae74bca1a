import type { Message } from '../../../../shared/domain';

/** "Verified" / "Verification failed" / "Not verifiable" for Private NEAR replies (issue 9). */
export function VerificationBadge(_props: { message: Message }) {
  return null;
}
