// The one sign-in for every view: the gate (sign-in, password change, expiry, sign-out) and the hook.
export { SignInGate, type SignInGateProps } from './SignInGate';
export { useSignedInUser, type SignedInUser } from './useSignedInUser';
