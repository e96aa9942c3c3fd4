"""Running the site: health check, request ids and structured logs, metrics, backups, storage settings."""
