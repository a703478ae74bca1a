// Calls and events of the verify domain: TEE verification of Private (NEAR AI Cloud) replies.
import { z } from 'zod';
import { VerificationResult } from '../domain';
import { call, id } from './common';

export const verifyCalls = {
  /** Verify a reply now (again); the result is also stored on the message and pushed as verify.updated. */
  'verify.run': call(z.object({ messageId: id }).strict(), VerificationResult),
  /** The stored result, or null when the reply has not been verified (or is not a Private reply). */
  'verify.get': call(z.object({ messageId: id }).strict(), VerificationResult.nullable()),
};

export const verifyEvents = {
  /** A reply's verification result changed (automatic after each Private reply, or after verify.run). */
  'verify.updated': z.object({ messageId: id, conversationId: id, result: VerificationResult }),
};
