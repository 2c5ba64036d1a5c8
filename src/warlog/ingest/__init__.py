"""warlog.ingest"""
