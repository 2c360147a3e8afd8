BEGIN;
SELECT id, tenant_id AS "tenantId", workflow_id AS "workflowId", workflow_version AS "workflowVersion",
              status, retry_count AS "retryCount", started_at AS "startedAt"
         FROM executions WHERE id = ANY(ARRAY['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']::uuid[]) ORDER BY id FOR UPDATE;
WITH change AS (
            SELECT * FROM unnest(ARRAY['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']::uuid[], ARRAY['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000a']::uuid[], ARRAY['shape', 'pause']::text[], ARRAY['succeed', 'resume']::text[], ARRAY['{"n": 1}', '{"ok": true}']::jsonb[], ARRAY[NULL, 'timeout']::text[], ARRAY['{}', NULL]::jsonb[], ARRAY[1, NULL]::int[]) AS c(execution_id, tenant_id, node_id, transition, output, branch, input, attempt)
          ), changed AS (
            UPDATE node_executions n SET status = t.to_status, output = c.output, branch = c.branch, input = coalesce(c.input, n.input),
                   finished_at = CASE WHEN t.to_status IN ('succeeded', 'failed', 'skipped', 'cancelled') THEN now() END
              FROM change c JOIN (VALUES ('succeed', 'running', 'succeeded'), ('wait', 'running', 'waiting'), ('resume', 'waiting', 'succeeded')) AS t(transition, from_status, to_status) ON t.transition = c.transition
             WHERE n.execution_id = c.execution_id AND n.node_id = c.node_id
               AND n.status = t.from_status AND (c.attempt IS NULL OR n.attempts = c.attempt)
               AND EXISTS (SELECT 1 FROM executions e WHERE e.id = c.execution_id AND e.tenant_id = c.tenant_id)
            RETURNING n.execution_id, n.node_id, n.status, n.branch, (extract(epoch FROM (now() - coalesce(n.started_at, now()))) * 1000)::int AS duration_ms
          )
          SELECT n.execution_id AS "executionId", n.node_id AS "nodeId", coalesce(c.status, n.status) AS status,
                 CASE WHEN c.node_id IS NULL THEN n.branch ELSE c.branch END AS branch, n.scheduled, c.node_id IS NOT NULL AS changed, c.duration_ms AS "durationMs"
            FROM node_executions n LEFT JOIN changed c ON c.execution_id = n.execution_id AND c.node_id = n.node_id
           WHERE n.execution_id = ANY(ARRAY['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']::uuid[])
