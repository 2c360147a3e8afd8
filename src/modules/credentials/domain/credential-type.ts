export const CREDENTIAL_TYPES = ['basic', 'bearer', 'api_key', 'signing'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];
