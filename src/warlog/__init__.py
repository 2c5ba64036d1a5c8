"""warlog: news reports about armed attacks in, a sourced and geocoded record of events out."""

__version__ = "0.1.0"
