-- values: ["00000000-0000-4000-8000-000000000001","pause"]
SELECT status FROM node_executions WHERE execution_id = $1 AND node_id = $2
