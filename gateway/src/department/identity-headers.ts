import { INTERNAL_IDENTITY_HEADER, signInternalIdentity } from '@jiuye/common';
import type { GatewayContext } from '../context';

/**
 * What every request to a department carries: the gateway's request id (the department logs
 * under the same one) and the identity the gateway vouches for, signed once per request
 * (departments answer nothing without it).
 */
export async function forwardIdentity(headers: { set(name: string, value: string): void }, context: GatewayContext | undefined): Promise<void> {
  if (context?.requestId) headers.set('x-request-id', context.requestId);
  if (context?.identity) {
    context.signedIdentity ??= signInternalIdentity(context.identity, context.signingKey);
    headers.set(INTERNAL_IDENTITY_HEADER, await context.signedIdentity);
  }
}
