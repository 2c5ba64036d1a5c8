"""warlog.exports: the merged events for other tools (ACLED-style CSV, GeoJSON, JSON
Lines), and the event filters that `warlog export` and the API share."""
