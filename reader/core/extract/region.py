"""Where the article body is: one dense run of lines.

Lines between furniture form segments. Kadane's maximum run over segments
(their text words, less for later ones, minus the furniture between them)
finds the densest stretch; its richest segment is the core. The body then
grows from the core line by line, left and right, for as long as the text
gained (weighted by how much of its vocabulary the core shares, counting the
words the core keeps using: teasers for other stories share only incidental
ones) outweighs the furniture and short lines crossed.
Across a photo (its caption and credit) or an ad right after the text, prose
counts at least as much as above the core: the article goes on under them.
A comments header after the core ends the body; after a related-stories
header, text counts half."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .textlines import Line

GOOD, NEAR, SHORT, BAD = "good", "near-good", "short", "bad"
POSITION_DECAY = 0.4  # a segment at the end of the page counts 40% less when choosing the core
RELATED_COST = 12.0  # crossing a 'Related stories' header (after the body)...
RELATED_DAMP = 0.5  # ...and what follows it counts half
SIM_FLOOR, SIM_FULL = 0.12, 0.30  # vocabulary shared with the core: 0 weight .. full weight
SMALL_VOCAB = 6  # too few content words to judge the topic
SMALL_WEIGHT = 0.3  # ... so it counts this much
LEAD_WEIGHT = 0.5  # prose above the core counts at least this much (teasers come after articles)
CORE_VOCAB = 40  # a core with fewer content words borrows those of its whole run
TOPIC_WORDS = 40  # words used in 2+ lines of the core: this many to judge a line by them
KEY_WORDS = 2  # a line using this many of them is on the topic, judged by all the core's words
MIN_BODY = 50.0  # text words before a comments header for it to end the body
COMMENTS_DAMP = 0.2  # past that header, text counts this much
IN_TEXT = ("photo caption or credit", "advertisement", "video player")
PLAYER = "video player"  # an embedded player's controls: one object, crossed at the cost of one line  # furniture set between an article's paragraphs


@dataclass
class Segment:
    start: int
    end: int  # exclusive
    gain: float = 0.0
    text_lines: list[int] = field(default_factory=list)  # good and near-good lines
    cost_before: float = 0.0  # furniture crossed from the previous segment
    barrier_before: str | None = None  # 'comments' / 'related' header crossed


def body_region(lines: list[Line], v) -> tuple[int, int]:
    """(start, end) of the body run for classified lines `v` (a Verdict)."""
    segments = _segments(lines, v)
    if not any(s.gain > 0 for s in segments):
        return 0, 0
    first, last = _densest_run(segments, len(lines))
    core = max(range(first, last + 1), key=lambda k: segments[k].gain)
    topic = _topic(lines, segments[core:core + 1])
    if len(topic.words) < CORE_VOCAB:
        topic = _topic(lines, segments[first:last + 1])
    end = _extend(lines, v, segments[core].end - 1, topic, +1) + 1
    start = _extend(lines, v, segments[core].start, topic, -1)
    return start, end


@dataclass
class Topic:
    """What the core is about: the content words of its text lines, and those
    it uses in two lines or more (None when too few to judge by)."""

    words: set[str]
    recurring: set[str] | None


def _topic(lines: list[Line], segments: list[Segment]) -> Topic:
    counts: Counter[str] = Counter()
    for seg in segments:
        for i in seg.text_lines:
            counts.update(lines[i].vocab)
    recurring = {w for w, n in counts.items() if n >= 2}
    return Topic(set(counts), recurring if len(recurring) >= TOPIC_WORDS else None)


def _densest_run(segments: list[Segment], n: int) -> tuple[int, int]:
    """Kadane over segments: gains (less for later ones) minus furniture
    crossed. Past a comments header that follows some text, gains count little."""
    best, span = float("-inf"), (0, 0)
    run, start = 0.0, 0
    damp = 1.0
    for k, seg in enumerate(segments):
        if seg.barrier_before == "comments" and best > MIN_BODY:
            damp = COMMENTS_DAMP
        gain = seg.gain * damp * (1 - POSITION_DECAY * seg.start / max(n, 1))
        cost = seg.cost_before + (RELATED_COST if seg.barrier_before else 0.0)
        if k == 0 or run - cost <= 0 or seg.barrier_before == "comments":
            run, start = gain, k
        else:
            run += gain - cost
        if run > best:
            best, span = run, (start, k)
    return span


def _line_gain(line: Line, cls: str) -> float:
    if cls == GOOD:
        return min(line.words, 80) + (3 if line.gap_before or line.gap_after else 0)
    if cls == NEAR:
        return 0.5 * min(line.words, 40)
    return 0.0


def _segments(lines: list[Line], v) -> list[Segment]:
    segments: list[Segment] = []
    cost, barrier = 0.0, None
    current: Segment | None = None
    for i, line in enumerate(lines):
        if v.cls[i] == BAD or i in v.repeated:
            if current is not None:
                segments.append(current)
                current = None
            if v.why[i] != PLAYER or v.why[i - 1] != PLAYER:
                cost += 3.0 + 0.2 * min(line.words, 20)
            section = v.sections.get(i)
            if section == "comments" or (section and barrier is None):
                barrier = section
            continue
        if current is None:
            current = Segment(i, i + 1, cost_before=cost, barrier_before=barrier)
            cost, barrier = 0.0, None
        current.end = i + 1
        current.gain += _line_gain(line, v.cls[i])
        if v.cls[i] in (GOOD, NEAR):
            current.text_lines.append(i)
    if current is not None:
        segments.append(current)
    return segments


def _weight(words: frozenset[str], topic: Topic) -> float:
    size = len(words)
    if size < SMALL_VOCAB:
        return SMALL_WEIGHT
    # A teaser for another story shares the article's incidental words ('money',
    # 'reviews'), not the ones it keeps using: a line that uses fewer than
    # KEY_WORDS of those is judged by them alone.
    vocab = topic.words
    if topic.recurring is not None and len(words & topic.recurring) < KEY_WORDS:
        vocab = topic.recurring
    shared = len(words & vocab) / size
    return max(0.0, min(1.0, (shared - SIM_FLOOR) / (SIM_FULL - SIM_FLOOR)))


def _line_value(line: Line, cls: str, topic: Topic, floor: float = 0.0) -> float:
    if cls == BAD:
        return -(3.0 + 0.2 * min(line.words, 20))
    if cls == SHORT:
        return -1.5
    return _line_gain(line, cls) * max(floor, _weight(line.vocab, topic))


def _extend(lines: list[Line], v, edge: int, topic: Topic, step: int) -> int:
    """Line by line away from the core (from `edge`, its last or first line):
    the farthest line up to which the text gained outweighs what was crossed."""
    total, best, best_i = 0.0, 0.0, edge
    damp = 1.0
    photo = False  # only a photo (caption, credit) or an ad crossed since the last text: the article goes on
    i = edge + step
    while 0 <= i < len(lines):
        line = lines[i]
        if v.cls[i] == BAD:
            photo = v.why[i] in IN_TEXT and (photo or v.cls[i - step] == GOOD)
        if v.cls[i] == BAD and i in v.sections:
            section = v.sections[i]
            if section == "comments" and step > 0:
                break
            if section and step > 0:
                total -= RELATED_COST
                damp = RELATED_DAMP
        # Above the core, prose is seldom another story (teasers come after the
        # article), so it counts at least LEAD_WEIGHT whatever its words.
        floor = LEAD_WEIGHT if v.cls[i] == GOOD and (step < 0 or photo) else 0.0
        value = _line_value(line, BAD if i in v.repeated else v.cls[i], topic, floor)
        if v.why[i] == PLAYER and v.why[i - step] == PLAYER:
            value = 0.0  # inside a player: its first line was the cost
        total += value * damp if value > 0 else value
        if total > best:
            best, best_i = total, i
        i += step
    return best_i
