"""warlog.geo"""
