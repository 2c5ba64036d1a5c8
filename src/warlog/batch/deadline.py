"""A time limit on reading one report: past it, the report is skipped with E204.

Extraction is pure Python over the parse, so a timer signal (SIGALRM) can stop it at any
point between two steps without cooperation from the stages. Signals reach only the main
thread: elsewhere (a Dask worker thread) the limit is not applied, and the size limits
(max_input_bytes, max_text_chars) are what bound the work.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from warlog.errors import TimeLimit


@contextmanager
def time_limit(seconds: float, *, name: str) -> Iterator[None]:
    """Raise TimeLimit (E204) naming the input if the block runs past ``seconds``."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise TimeLimit("E204", path=name, seconds=seconds)

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
