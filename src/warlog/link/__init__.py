"""warlog.link"""
