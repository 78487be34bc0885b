"""The model learned in a process of its own (ops/training_apart.py, docs/adr/0073): the same
model and figures as in this process, its progress relayed, a cancel that ends it at once,
its errors raised here as they were."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os

import pytest

from annotator.core.crf_features import Lexicon
from annotator.core.errors import Cancelled
from annotator.ops.model_store import learn
from annotator.ops.training_apart import NICE, learn_apart
from tests.ops.test_crf_model import _examples

NO_NAMES = Lexicon()


def test_apart_learns_the_same_model_and_figures_and_relays_its_steps() -> None:
    examples = _examples()[:6]
    here = learn(examples, NO_NAMES, 2)
    steps: list[tuple[int, int, str]] = []
    there = learn_apart(examples, NO_NAMES, 2, lambda *s: steps.append(s))
    assert there[0].model == here[0].model  # seeded training: byte for byte
    assert there[1] == here[1] and there[2] == here[2] == 2
    assert (1, 4, "trained") in steps and (3, 4, "fold") in steps


def test_a_cancel_ends_the_process_at_once() -> None:
    examples = _examples()[:40]  # seconds of training
    calls = 0

    def step(done: int, total: int, what: str) -> None:
        nonlocal calls
        calls += 1
        if calls > 3:  # the user pressed Cancel while it learns
            raise Cancelled("the train-model")

    with pytest.raises(Cancelled):
        learn_apart(examples, NO_NAMES, 5, step)
    assert calls == 4  # stopped at the first look after the cancel, not after a fold
    assert multiprocessing.active_children() == []  # the process is ended, not left behind


def test_its_errors_are_raised_here_as_they_were() -> None:
    with pytest.raises(ValueError, match="no entity spans"):
        learn_apart([("قال أوباما إن واشنطن ستواصل.", [])], NO_NAMES, 2)


def _priority_after_lowering(pipe: multiprocessing.connection.Connection) -> None:
    from annotator.ops.training_apart import _lower_priority

    before = os.getpriority(os.PRIO_PROCESS, 0)
    _lower_priority()
    pipe.send((before, os.getpriority(os.PRIO_PROCESS, 0)))


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="Unix process priorities")
def test_the_training_process_runs_below_the_window() -> None:
    context = multiprocessing.get_context("spawn")
    mine, theirs = context.Pipe(duplex=False)
    process = context.Process(target=_priority_after_lowering, args=(theirs,))
    process.start()
    before, after = mine.recv()
    process.join()
    assert after == min(before + NICE, 19)
