/** Versions are PostgreSQL integers, counted from 1. */
export const MAX_WORKFLOW_VERSION = 2_147_483_647;
