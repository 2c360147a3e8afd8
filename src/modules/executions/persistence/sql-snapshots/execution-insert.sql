-- values: [["00000000-0000-4000-8000-000000000001"],["00000000-0000-4000-8000-00000000000a"],["00000000-0000-4000-8000-000000000002"],[3],["running"],["webhook"],["{\"body\": {}}"],[null],["request-1"],["event-1"],["00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000001"],["in","shape"],["trigger.webhook","transform"],["succeeded","pending"],[false,true],["{\"body\": {}}",null],["00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000001"],["execution.started","workflow.node.triggered"],[null,null],["job-9","job-9"],["{\"workflowVersion\": 3}","{\"nodeId\": \"in\"}"],["2030-01-02T03:04:05.000Z","2030-01-02T03:04:05.000Z"]]
WITH input AS (
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::jsonb[], $8::uuid[], $9::text[], $10::text[])
                      AS i(id, tenant_id, workflow_id, workflow_version, status, trigger_type, trigger_input, contact_id, correlation_id, source_key)
           ), execution AS (
             INSERT INTO executions (id, tenant_id, workflow_id, workflow_version, status, trigger_type, trigger_input, contact_id, correlation_id, source_key, started_at, finished_at)
             SELECT id, tenant_id, workflow_id, workflow_version, status, trigger_type, trigger_input, contact_id, correlation_id, source_key,
                    CASE WHEN status <> 'queued' THEN now() END, CASE WHEN status = 'succeeded' THEN now() END
               FROM input
             ON CONFLICT (tenant_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
             RETURNING id, tenant_id, workflow_id
           ), nodes AS (
             INSERT INTO node_executions (tenant_id, execution_id, workflow_id, node_id, type, status, scheduled, scheduled_at, output, attempts, started_at, finished_at)
             SELECT e.tenant_id, e.id, e.workflow_id, n.node_id, n.type, n.status, n.scheduled, CASE WHEN n.scheduled THEN now() END,
                    n.output, CASE WHEN n.status = 'succeeded' THEN 1 ELSE 0 END,
                    CASE WHEN n.status = 'succeeded' THEN now() END, CASE WHEN n.status = 'succeeded' THEN now() END
               FROM execution e
               JOIN unnest($11::uuid[], $12::text[], $13::text[], $14::text[], $15::boolean[], $16::jsonb[]) AS n(execution_id, node_id, type, status, scheduled, output)
                 ON n.execution_id = e.id
           ), event AS (
             INSERT INTO event_store (tenant_id, type, aggregate_type, aggregate_id, actor_id, correlation_id, payload, occurred_at)
             SELECT e.tenant_id, v.type, 'execution', e.id, v.actor_id, v.correlation_id, v.payload, v.occurred_at
               FROM execution e
               JOIN unnest($17::uuid[], $18::text[], $19::uuid[], $20::text[], $21::jsonb[], $22::timestamptz[]) WITH ORDINALITY
                    AS v(execution_id, type, actor_id, correlation_id, payload, occurred_at, position)
                 ON v.execution_id = e.id
              ORDER BY v.position
           )
           SELECT id FROM execution
