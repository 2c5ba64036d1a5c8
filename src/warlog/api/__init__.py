"""warlog.api"""
