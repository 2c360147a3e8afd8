-- values: ["00000000-0000-4000-8000-000000000001","call",2]
UPDATE node_executions SET status = 'pending', attempts = greatest(attempts - 1, 0)
          WHERE execution_id = $1 AND node_id = $2 AND status IN ('running') AND attempts = $3
