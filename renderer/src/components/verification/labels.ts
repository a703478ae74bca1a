import type { VerificationResult } from '../../../../shared/domain';

export const STATUS_LABEL: Record<VerificationResult['status'], string> = {
  verified: 'Verified',
  failed: 'Verification failed',
  not_verifiable: 'Not verifiable',
};
