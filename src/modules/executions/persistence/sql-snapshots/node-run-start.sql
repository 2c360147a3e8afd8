-- values: [["00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000002"],["00000000-0000-4000-8000-00000000000a","00000000-0000-4000-8000-00000000000a"],["shape","call"],[0,1],[1,3],["job-1",null],"workflow.node.triggered"]
WITH request AS (
               SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::int[], $6::text[]) AS r(execution_id, tenant_id, node_id, run, attempt, correlation_id)
             ), target AS (
               SELECT r.execution_id, r.node_id, r.run, r.attempt, r.correlation_id,
                      e.tenant_id, e.workflow_id, e.workflow_version, e.status, e.retry_count, e.trigger_input, e.contact_id, e.started_at,
                      n.status AS node_status, n.type AS node_type
                 FROM request r
                 JOIN executions e ON e.id = r.execution_id AND e.tenant_id = r.tenant_id
                 JOIN node_executions n ON n.execution_id = r.execution_id AND n.node_id = r.node_id
             ), node AS (
               UPDATE node_executions n SET status = 'running', attempts = n.attempts + 1, started_at = coalesce(n.started_at, now()), error = NULL
                 FROM target t
                WHERE n.execution_id = t.execution_id AND n.node_id = t.node_id AND n.status IN ('pending', 'running')
                  AND t.retry_count = t.run AND t.status NOT IN ('succeeded', 'failed', 'cancelled')
                RETURNING n.execution_id, n.node_id, n.attempts
             ), execution AS (
               UPDATE executions SET status = 'running', started_at = coalesce(started_at, now())
                WHERE id IN (SELECT execution_id FROM node) AND status IN ('queued')
             ), event AS (
               INSERT INTO event_store (tenant_id, type, aggregate_type, aggregate_id, actor_id, correlation_id, payload, occurred_at)
               SELECT t.tenant_id, $7, 'execution', t.execution_id, NULL, t.correlation_id, jsonb_build_object('nodeId', t.node_id, 'type', t.node_type, 'attempt', t.attempt), now()
                 FROM node JOIN target t ON t.execution_id = node.execution_id AND t.node_id = node.node_id AND t.retry_count = t.run
             )
             SELECT t.execution_id AS id, t.node_id AS "nodeId", t.run, t.tenant_id AS "tenantId", t.workflow_id AS "workflowId", t.workflow_version AS "workflowVersion",
                    t.status, t.retry_count AS "retryCount", t.trigger_input AS "triggerInput", t.contact_id AS "contactId", t.started_at AS "startedAt",
                    t.node_status AS "nodeStatus", t.node_type AS "nodeType",
                    CASE WHEN t.retry_count = t.run THEN node.attempts END AS fence,
                    (SELECT coalesce(jsonb_object_agg(done.node_id, done.output), '{}'::jsonb) FROM node_executions done
                      WHERE done.execution_id = t.execution_id AND done.status = 'succeeded') AS outputs
               FROM target t LEFT JOIN node ON node.execution_id = t.execution_id AND node.node_id = t.node_id
