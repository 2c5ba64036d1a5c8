"""warlog.batch"""
