"""Messages the workers post back to the UI thread (results travel as data)."""
from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..core.models import Analysis, Article


@dataclass
class ArticleLoaded(Message):
    """The article was read and cleaned; it can be painted."""

    article: Article


@dataclass
class AnalysisReady(Message):
    """The NLP stage finished; the panel and highlights can be filled."""

    analysis: Analysis


@dataclass
class AnalysisProgress(Message):
    """A part of a long article is analysed (the part on screen comes first):
    the highlights so far, and how far along the analysis is."""

    analysis: Analysis
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)  # only the latest matters


@dataclass
class LoadFailed(Message):
    """The article could not be read: the app ends with the error's exit code."""

    error: BaseException


@dataclass
class AnalysisFailed(Message):
    """The NLP stage failed (e.g. no model): the panel says why."""

    error: BaseException
