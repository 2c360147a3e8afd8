-- values: ["00000000-0000-4000-8000-000000000001"]
UPDATE node_executions SET status = 'pending', scheduled = true, scheduled_at = now(), error = NULL, attempts = 0, started_at = NULL, finished_at = NULL
          WHERE execution_id = $1 AND status IN ('failed') RETURNING node_id AS "nodeId"
