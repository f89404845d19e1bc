-- A workspace's own API rate limit (requests per second per API family); NULL uses the node's
-- default (herald.api.requests-per-second).
ALTER TABLE workspace_workspace ADD COLUMN api_requests_per_second INT NULL;
