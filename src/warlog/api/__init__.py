"""warlog.api: the read-only HTTP API and the dashboard, served by `warlog serve`."""
