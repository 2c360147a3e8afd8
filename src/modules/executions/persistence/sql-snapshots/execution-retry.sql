-- values: ["00000000-0000-4000-8000-000000000001",2]
UPDATE executions SET status = 'running', error = NULL, finished_at = NULL, retry_count = $2
          WHERE id = $1 AND status IN ('failed')
