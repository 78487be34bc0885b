"""The Suggestions menu's actions wired to what does them (issue 11, 12): the suggestion keys,
the two reports, the quality line under the suggestion list, and the model's training with its
automatic retraining. The window builds the parts; this says which action and which edit
drives which of them, so the window's own wiring stays about the article and its lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def wire_suggestions(window: MainWindow) -> None:
    a, c = window.action_set, window.controller
    keys = c.suggestion_keys
    a["suggest"].triggered.connect(lambda: keys.run(window))
    a["suggestion_settings"].triggered.connect(lambda: keys.edit_settings(window))
    a["next_suggestion"].triggered.connect(lambda: keys.step(True))
    a["previous_suggestion"].triggered.connect(lambda: keys.step(False))
    a["accept_suggestion"].triggered.connect(keys.accept)
    a["reject_suggestion"].triggered.connect(keys.reject)
    a["accept_all_suggestions"].triggered.connect(keys.accept_all)
    a["reject_all_suggestions"].triggered.connect(keys.reject_all)
    a["consistency_report"].triggered.connect(window.reports.show_consistency)
    a["recommender_quality"].triggered.connect(window.reports.show_quality)
    quality = window.reports.watch_quality(window.side.quality, c.suggestion_model)
    c.documentEdited.connect(lambda _id: quality.changed())
    c.documentsChanged.connect(quality.changed)
    window.side.suggestionActivated.connect(keys.select)
    training = window.training
    a["train_model"].triggered.connect(training.start)
    a["cancel_training"].triggered.connect(training.cancel)
    training.count_with(window.repo.span_total)
    c.documentEdited.connect(  # retrain after every N new spans (a project setting)
        lambda _id: training.edited(keys.settings.retrain_every)
    )
