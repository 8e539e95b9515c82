"""Running the work over many inputs, in worker processes, in input order.

Results come back in the order the inputs were given, whatever the number of
processes, so ``--jobs 4`` prints and writes exactly what ``--jobs 1`` does.
Inputs are sent in small chunks and only a few chunks are in flight at once,
so a large folder is never held in memory whole.  Workers are started with
``spawn``: each is a fresh interpreter that shares no state with the parent.

>>> from cleaner.cli.outcome import UNCHANGED
>>> from cleaner.cli.work import fix_outcome
>>> done = Outcome("x.txt", UNCHANGED)
>>> items = [Item("a.txt", "a", text="Some text here.\\n"), done]
>>> [(o.source, o.status) for _, o in run_ordered(fix_outcome, items, Config(), jobs=1)]
[('a.txt', 'unchanged'), ('x.txt', 'unchanged')]
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice

from cleaner.cli.outcome import FAILED, Outcome
from cleaner.cli.work import guarded
from cleaner.config import Config
from cleaner.io.readers import Item

#: An input still to do, or one whose outcome is already known (a read error, a note).
Work = Item | Outcome
Worker = Callable[[Item, Config], Outcome]

#: Inputs per chunk sent to a worker, and chunks in flight per worker.
CHUNK = 4
AHEAD = 4
#: Fewer inputs than this are cleaned in this process: starting workers (fresh interpreters) would cost more.
POOL_MIN = 16


def default_jobs() -> int:
    """The number of cores this process may run on.

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def apply(work: Worker, chunk: Sequence[Work], config: Config) -> list[Outcome]:
    """The outcomes of one chunk (known outcomes pass through)."""
    return [w if isinstance(w, Outcome) else guarded(work, w, config) for w in chunk]


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_ordered(
    work: Worker, inputs: Iterable[Work], config: Config, jobs: int, pool_min: int = POOL_MIN
) -> Iterator[tuple[Work, Outcome]]:
    """``(input, outcome)`` for every input, in order, computed by ``jobs`` processes.

    This process does the work itself (no pool) when ``jobs`` is 1 or when
    there are fewer than ``pool_min`` inputs to work on.
    """
    stream = iter(inputs)
    head: list[Work] = []
    todo = 0
    if jobs > 1:
        for entry in stream:
            head.append(entry)
            todo += isinstance(entry, Item)
            if todo >= max(pool_min, 2):
                break
    if todo < max(pool_min, 2):
        for entry in chain(head, stream):
            yield entry, apply(work, [entry], config)[0]
        return
    yield from _in_pool(work, chain(head, stream), config, jobs)


def _chunks(entries: Iterator[Work]) -> Iterator[list[Work]]:
    while chunk := list(islice(entries, CHUNK)):
        yield chunk


def _in_pool(work: Worker, entries: Iterator[Work], config: Config, jobs: int) -> Iterator[tuple[Work, Outcome]]:
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_quiet_worker)
    flight: deque[tuple[list[Work], Future[list[Outcome]]]] = deque()
    try:
        for chunk in _chunks(entries):
            flight.append((chunk, pool.submit(apply, work, chunk, config)))
            if len(flight) >= jobs * AHEAD:
                yield from _collect(*flight.popleft())
        while flight:
            yield from _collect(*flight.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(chunk: list[Work], future: Future[list[Outcome]]) -> Iterator[tuple[Work, Outcome]]:
    try:
        outcomes = future.result()
    except Exception as error:  # a worker died (killed, out of memory): its inputs fail, the rest go on
        message = f"worker process failed ({type(error).__name__}: {error})"
        outcomes = [w if isinstance(w, Outcome) else Outcome(w.source, FAILED, message=message) for w in chunk]
    yield from zip(chunk, outcomes, strict=True)
