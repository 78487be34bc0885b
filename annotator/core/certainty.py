"""How sure a model is of a document, for active learning (issue 12, docs/adr/0073).

A token's **margin** is the probability of the model's best tag less that of its second best:
near 0 the model hesitates between two tags, near 1 it is sure. A document's **certainty** is
the mean margin of its tokens; the least sure document is the one that teaches the model most.

Why the mean, not the least margin nor the mean of the k least sure tokens: a mean does not
depend on the length (a document twice as long made of the same sentences has the same
certainty), where the k least sure tokens of a long document are more extreme the more tokens
it has, and the least margin is one token, as likely a typo as a gap in the model. Measured on
ANERcorp (ADR 0073), the least sure tokens are as unsure in the documents the model learned
from as in unseen ones; what tells them apart is how many tokens the model is sure of.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence


def margin(probabilities: Iterable[float]) -> float:
    """Best less second best of one token's tag probabilities (1.0 with a single tag)."""
    top = heapq.nlargest(2, probabilities)
    if not top:
        return 1.0
    if len(top) == 1:
        return min(1.0, max(0.0, top[0]))
    return min(1.0, max(0.0, top[0] - top[1]))


def certainty(margins: Sequence[float]) -> float:
    """The mean of ``margins``; a document without tokens is certain (1.0): it has nothing
    to teach."""
    if not margins:
        return 1.0
    return min(1.0, max(0.0, math.fsum(margins) / len(margins)))
