-- values: ["00000000-0000-4000-8000-000000000001","{\"class\": \"timeout\", \"message\": \"The wait timed out\"}"]
UPDATE executions SET status = 'failed', error = $2, started_at = coalesce(started_at, now()),
              finished_at = now()
        WHERE id = $1 AND status IN ('queued', 'running', 'waiting')
