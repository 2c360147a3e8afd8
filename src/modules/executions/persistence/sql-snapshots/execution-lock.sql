-- values: ["00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-00000000000a"]
SELECT id, tenant_id AS "tenantId", workflow_id AS "workflowId", workflow_version AS "workflowVersion",
              status, retry_count AS "retryCount", started_at AS "startedAt"
         FROM executions WHERE id = $1 AND tenant_id = $2 FOR UPDATE
