export const WORKFLOW_STATUSES = ['draft', 'published', 'archived'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];
