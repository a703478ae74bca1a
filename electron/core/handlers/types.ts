import type { CallName, CallOutput, CallParsedInput } from '../../../shared/api';

/** The handlers for one domain's calls (a slice of the router's Handlers). */
export type DomainHandlers<C> = {
  [K in keyof C & CallName]: (input: CallParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K>;
};
