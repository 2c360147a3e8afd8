-- values: ["00000000-0000-4000-8000-000000000001"]
UPDATE node_executions SET status = 'cancelled', finished_at = now()
        WHERE execution_id = $1 AND status IN ('pending', 'waiting')
