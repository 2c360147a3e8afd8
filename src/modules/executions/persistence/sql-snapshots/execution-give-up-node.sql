-- values: ["00000000-0000-4000-8000-000000000001","call","{\"class\": \"timeout\", \"message\": \"The wait timed out\"}",null]
UPDATE node_executions SET status = 'failed', error = $3, finished_at = now()
          WHERE execution_id = $1 AND node_id = $2 AND status IN ('pending', 'running') AND ($4::int IS NULL OR attempts = $4) RETURNING id
