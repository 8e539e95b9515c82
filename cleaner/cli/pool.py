"""Running the work over many inputs, in worker processes, in input order.

Results come back in the order the inputs were given, whatever the number of
processes, so ``--jobs 4`` prints and writes exactly what ``--jobs 1`` does.
Inputs are sent in small chunks and only a few chunks are in flight at once,
so a large folder is never held in memory whole.  Workers share no state with
the parent: on Linux they are forked from multiprocessing's ``forkserver``, a
fresh interpreter that has cleaned one text first (:mod:`cleaner.cli.warm`), so
each starts warm and shares those pages with it; elsewhere each is spawned, a
fresh interpreter of its own.  Ctrl-C is the parent's: it stops the run, and
the processes it starts never see it (:func:`starting`).

>>> from cleaner.cli.outcome import UNCHANGED
>>> from cleaner.cli.work import fix_outcome
>>> done = Outcome("x.txt", UNCHANGED)
>>> items = [Item("a.txt", "a", text="Some text here.\\n"), done]
>>> [(o.source, o.status) for _, o in run_ordered(fix_outcome, items, Config(), jobs=1)]
[('a.txt', 'unchanged'), ('x.txt', 'unchanged')]
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TypeVar

from cleaner.cli.outcome import FAILED, Outcome
from cleaner.cli.work import guarded
from cleaner.config import Config
from cleaner.io.readers import Item
from cleaner.io.write import signals_deferred

#: An input still to do, or one whose outcome is already known (a read error, a note).
Work = Item | Outcome
Worker = Callable[[Item, Config], Outcome]

In = TypeVar("In")
Out = TypeVar("Out")

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


def chunk_outcomes(work: Worker, chunk: Sequence[Work], config: Config) -> list[Outcome]:
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
    there are fewer than ``pool_min`` inputs to work on.  A chunk whose worker
    died (killed, out of memory) fails; the other inputs go on.
    """
    chunked = map_chunks(functools.partial(chunk_outcomes, work, config=config), inputs, jobs, pool_min, _is_item)
    for chunk, outcomes in chunked:
        if isinstance(outcomes, BaseException):
            message = f"worker process failed ({type(outcomes).__name__}: {outcomes})"
            outcomes = [w if isinstance(w, Outcome) else Outcome(w.source, FAILED, message=message) for w in chunk]
        yield from zip(chunk, outcomes, strict=True)


def _is_item(entry: object) -> bool:
    return isinstance(entry, Item)


def map_chunks(
    function: Callable[[list[In]], list[Out]],
    inputs: Iterable[In],
    jobs: int,
    pool_min: int = POOL_MIN,
    counted: Callable[[In], bool] = lambda _: True,
) -> Iterator[tuple[list[In], list[Out] | BaseException]]:
    """``(chunk, function(chunk))`` over the inputs cut in chunks, in order, computed by ``jobs`` processes.

    With one job, or fewer than ``pool_min`` inputs that are ``counted`` (work to do),
    this process applies ``function`` to one input at a time.  Otherwise chunks of
    :data:`CHUNK` inputs go to the workers, a few at a time; the result of a chunk
    whose worker died is the error.  ``function`` must be picklable (a module's
    function, or a partial of one).

    >>> [(chunk, out) for chunk, out in map_chunks(lambda xs: [x * 2 for x in xs], [1, 2], jobs=1)]
    [([1], [2]), ([2], [4])]
    """
    stream = iter(inputs)
    head: list[In] = []
    todo = 0
    if jobs > 1:
        for entry in stream:
            head.append(entry)
            todo += counted(entry)
            if todo >= max(pool_min, 2):
                break
    if todo < max(pool_min, 2):
        for entry in chain(head, stream):
            yield [entry], function([entry])
        return
    yield from _in_pool(function, _chunks(chain(head, stream)), jobs)


def worker_context() -> multiprocessing.context.BaseContext:
    """How workers are started: forked from a warm server (:mod:`cleaner.cli.warm`) where the system can, else spawned.

    >>> worker_context().get_start_method() in ("forkserver", "spawn")
    True
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["cleaner.cli.warm"])
    return context


@contextlib.contextmanager
def starting() -> Iterator[None]:
    """While processes are started: Ctrl-C (and SIGTERM) wait until the block ends, and what it starts never sees Ctrl-C.

    SIGINT is blocked for the block (where the system can block it): the processes
    started meanwhile (the workers' server, the resource tracker, the workers) are born
    with it blocked and keep it so, whatever they are doing when a terminal's Ctrl-C
    reaches the whole process group; this process gets it once the block ends, when
    every worker started is known and so is joined as the run stops, not left to fail
    on its own half started.

    >>> with starting():
    ...     pass
    """
    with signals_deferred():
        mask = getattr(signal, "pthread_sigmask", None)
        if mask is None or threading.current_thread() is not threading.main_thread():
            yield
            return
        held = mask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            yield
        finally:
            mask(signal.SIG_SETMASK, held)


def _chunks(entries: Iterator[In]) -> Iterator[list[In]]:
    while chunk := list(islice(entries, CHUNK)):
        yield chunk


def _in_pool(
    function: Callable[[list[In]], list[Out]], chunks: Iterator[list[In]], jobs: int
) -> Iterator[tuple[list[In], list[Out] | BaseException]]:
    with starting():  # its queues' locks start the resource tracker
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=worker_context(), initializer=_quiet_worker)
    flight: deque[tuple[list[In], Future[list[Out]]]] = deque()
    try:
        for chunk in chunks:
            with starting():  # a submit may start a worker (and the server it is forked from)
                flight.append((chunk, pool.submit(function, chunk)))
            if len(flight) >= jobs * AHEAD:
                yield _collect(*flight.popleft())
        while flight:
            yield _collect(*flight.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(chunk: list[In], future: Future[list[Out]]) -> tuple[list[In], list[Out] | BaseException]:
    try:
        return chunk, future.result()
    except Exception as error:  # a worker died (killed, out of memory): the caller says what that means
        return chunk, error
