/** Trigger tokens look like `wft_<43 chars>` and are sealed with this associated data. */
export const TRIGGER_TOKEN_PREFIX = 'wft';
export const TRIGGER_TOKEN_AAD = 'workflow-trigger-token';
