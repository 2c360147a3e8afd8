-- values: ["00000000-0000-4000-8000-000000000001","call","{\"class\": \"timeout\", \"message\": \"The wait timed out\"}",2]
UPDATE node_executions SET status = 'pending', error = $3
          WHERE execution_id = $1 AND node_id = $2 AND status IN ('running') AND attempts = $4
