"""The model learned in a process of its own (issue 12, docs/adr/0079).

crfsuite's training loop is C that holds Python's lock for the whole of ``Trainer.train``
(seconds on a big project): on a thread of the window's process the keys waited up to 0.7 s
while a model trained. A spawned process (never ``fork``: the window's process has Qt's
threads) learns instead and sends back its progress, then the model and its figures; this
process only waits on the pipe, so the window's thread has the lock. A cancel (the Job's
``step`` raising Cancelled) ends the process at once instead of after the fold. Starting it
costs its imports (about half a second), nothing next to a training.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import sys
from multiprocessing.connection import Connection

from annotator.core.crf_features import Lexicon
from annotator.core.errors import AnnotatorError
from annotator.ops import training
from annotator.ops.crf_model import Example, Scores, TrainedModel

WAIT = 0.05  # seconds between two looks at the pipe (and at a cancel)
NICE = 10  # the training process's lower priority (Unix)
BELOW_NORMAL_PRIORITY_CLASS = 0x4000  # the same on Windows (SetPriorityClass)


class TrainingStopped(AnnotatorError):
    """The training process died without saying why."""


def _lower_priority() -> None:
    """The window's process first when the cores are few: this process at a lower priority,
    ``nice`` on Unix, the below-normal class on Windows; where neither can be set, as it is."""
    if sys.platform == "win32":
        kernel = ctypes.windll.kernel32
        kernel.SetPriorityClass(kernel.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
    elif hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICE)


def _child(pipe: Connection, examples: list[Example], lexicon: Lexicon, folds: int) -> None:
    from annotator.ops.model_store import learn

    _lower_priority()

    def step(done: int, total: int, what: str) -> None:
        pipe.send(("step", (done, total, what)))

    try:
        pipe.send(("done", learn(examples, lexicon, folds, step)))
    except Exception as exc:  # sent to the parent, which raises it there
        try:
            pickle.dumps(exc)
        except Exception:
            exc = AnnotatorError(str(exc))
        pipe.send(("failed", exc))
    finally:
        pipe.close()


def learn_apart(
    examples: list[Example], lexicon: Lexicon, folds: int, step: training.Step | None = None
) -> tuple[TrainedModel, Scores, int]:
    """``model_store.learn`` in a spawned process; its errors raised here as they were."""
    context = multiprocessing.get_context("spawn")
    mine, theirs = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(theirs, examples, lexicon, folds), name="train-model", daemon=True
    )
    process.start()
    theirs.close()  # the child's end: EOF here when it dies
    last: tuple[int, int, str] = (0, folds + 2, "training")
    try:
        while True:
            if not mine.poll(WAIT):
                if step is not None:
                    step(*last)  # raises Cancelled when the user stopped it
                continue
            try:
                kind, value = mine.recv()
            except EOFError:
                process.join()
                raise TrainingStopped(
                    f"the training process stopped (exit code {process.exitcode})"
                ) from None
            if kind == "step":
                last = value
                if step is not None:
                    step(*last)
            elif kind == "failed":
                raise value
            else:
                result: tuple[TrainedModel, Scores, int] = value
                return result
    finally:
        mine.close()
        if process.is_alive():
            process.terminate()
        process.join()
