"""Quotes: direct quotations (text inside quotation marks) and reported
speech ('Kuleba said Russia had appealed ...'), each with its speaker.

Quotation marks are paired on the plain text (quote_marks); the parse then
decides what is a quotation rather than a scare quote or a title (a real
quotation is a clause, or is what a speech verb introduces) and who is
speaking (speakers). Parts of one quotation interrupted by 'he said' become
one quote; a quotation running over several paragraphs gives one quote per
paragraph, all with the speaker of its first part."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Any

from ..models import Entity, Quote
from .cues import REPORTING_VERBS, governs, is_cue, sentence_cue, subject_of
from .layout import Layout
from .quote_context import DOCUMENT_NOUNS, Context, quoted_tokens, token_starts
from .quote_marks import Segment, find_segments
from .reported import find_reported
from .speakers import speaker_name

# '“X,” he said. “Y.”': one quote per speech act (True: PolNeAR's convention,
# one attribution whose content runs from the first part to the last) or one
# per quoted passage (False: the seed gold's, text = the words inside one
# pair of marks). The two conventions cannot both be met; see notes/quotes.md.
MERGE_PARTS = True
MIN_CLAUSE_WORDS = 4  # an unattributed quotation shorter than this is a scare quote or a name
MIN_PLAIN_WORDS = 8  # this long, it is a quotation even without a verb
_SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "or",
                "from", "vs", "vs.", "de", "la", "le", "du", "von", "van", "is", "are", "&"}
_NAMING_VERBS = {"call", "nickname", "dub", "label", "brand", "term", "describe", "refer", "name", "liken"}
_WORD = re.compile(r"[^\W_][\w'’.-]*")


@dataclass
class _Found:
    """One quotation segment with what the parse says about it."""

    seg: Segment
    block: int
    cue: Any = None  # the speech-verb token attributed to it
    linked: bool = False  # the cue governs it (or it governs the cue)
    adjacent: bool = False  # the cue frames it as direct speech ('“...,” he said')
    speaker: str | None = None
    is_quote: bool = False
    transcript: bool = False  # a labelled turn of a transcript ('"PENCE: ...')
    naming: bool = False  # what someone casts something as ('hailed Trump as “The Comeback Kid”')


def find_quotes(doc: Any, layout: Layout, entities: list[Entity]) -> list[Quote]:
    """Direct quotes and reported speech, in reading order."""
    spans = [(s, s + n) for s, n in zip(layout.starts, layout.lengths)]
    segments = find_segments(layout.text, spans)
    ctx = Context.build(doc, layout, entities, [(s.outer_start, s.outer_end) for s in segments])
    found = [_attribute(ctx, _Found(seg, layout.block_of(seg.start))) for seg in segments]
    _decide(ctx, found)
    _drop_transcript(ctx, found)
    if _double_style(layout.text, segments):
        for item in found:  # headline quotes and words in single marks ('Trump ‘absolutely right’')
            if not item.seg.double:
                item.is_quote = False
    kept = [f for f in found if f.is_quote]
    if len(kept) < len(found):
        # scare quotes, titles and excerpts set aside are narrative again:
        # their names and verbs count when finding who speaks
        ctx.quoted = quoted_tokens(doc, [(f.seg.outer_start, f.seg.outer_end) for f in kept])
        ctx.resolved.clear()
        near = {b + k for b in {f.block for f in found if not f.is_quote} for k in range(4)}
        kept = [_attribute(ctx, _Found(f.seg, f.block, is_quote=True)) if f.block in near else f for f in kept]
    _inherit_speakers(kept)
    quotes = [q for group in _merge(ctx, kept) if (q := _to_quote(ctx, group)) is not None]
    quotes.extend(find_reported(ctx))
    quotes.sort(key=lambda q: (q.block, q.start, q.kind))
    return quotes


# ---------------------------------------------------------------- attribution
def _attribute(ctx: Context, item: _Found) -> _Found:
    named = _dash_speaker(ctx, item)
    if not named:
        named = _transcript_speaker(ctx, item)
        item.transcript = named is not None
    if named:  # '“...” ― Sonya Herridge', '"PENCE: Well, look, ...'
        item.speaker, item.linked = named, True
        return item
    cue, linked = _find_cue(ctx, item)
    item.cue, item.linked = cue, linked
    if cue is not None and cue.pos_ == "NOUN":  # 'Trump's claim that ...'
        item.speaker = speaker_name(ctx, _possessor(cue))
    elif cue is not None:
        if not item.adjacent:
            cue = _outer_report(ctx, cue)
        subject = _subject_between(ctx, item.seg, cue) or _participle_subject(ctx, cue) \
            or _own_subject(ctx, cue) or _name_right_before(ctx, cue) or _previous_cue_subject(ctx, cue)
        if subject is not None and subject.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X"):
            subject = _name_before(ctx, cue) or subject  # a misparse: 'made public ― Trump boasted'
        elif subject is not None and subject.i < cue.i and subject.i not in ctx.entity_of:
            near = _name_before(ctx, cue)
            if near is not None and _after_dash(ctx, subject, near):
                subject = near  # 'were made public ― Trump boasted', 'public' parsed as the subject
        item.speaker = speaker_name(ctx, subject)
    return item


def _own_subject(ctx: Context, cue: Any) -> Any:
    """The cue's subject, never from another paragraph (a sentence the parser
    ran across a break: '5:45 p.m. / Gary Johnson's doctor is calling ...')."""
    block = ctx.layout.block_of(cue.idx)
    subject = subject_of(cue, lambda t: ctx.in_quote(t) or ctx.layout.block_of(t.idx) != block)
    if subject is not None and ctx.layout.block_of(subject.idx) == block:
        return subject
    if subject is None and ctx.layout.block_of(cue.sent.start_char) == block:
        return None
    # the parse took a subject from the paragraph before: the first noun
    # phrase of the cue's own sentence that is nobody's possessor
    piece = _sentence_at(ctx, cue)
    for chunk in piece.noun_chunks:
        if chunk.start >= cue.i:
            break
        root = chunk.root
        if root.dep_ != "poss" and not ctx.in_quote(root) and root.pos_ in ("NOUN", "PROPN", "PRON"):
            return root
    return None


def _previous_cue_subject(ctx: Context, cue: Any) -> Any:
    """'Sanders said, going on to say that ...' parsed with 'going' under the
    quotation: the subject of the speech verb just before."""
    for token in reversed(ctx.doc[max(cue.sent.start, cue.i - 6): cue.i]):
        if ctx.in_quote(token) or token.text in ".;":
            return None
        if is_cue(token):
            return subject_of(token, ctx.in_quote)
    return None


def _name_right_before(ctx: Context, cue: Any) -> Any:
    """A cue the parse left without a subject, right after a person or
    organisation ('... war, Obama and Clinton call them “lone wolves”')."""
    if cue.i == 0 or cue.tag_ not in ("VBZ", "VBP", "VBD"):
        return None
    entity = ctx.entity_of.get(cue.i - 1)
    return ctx.doc[cue.i - 1] if entity is not None and entity.type in ("PERSON", "ORG") else None


def _participle_subject(ctx: Context, cue: Any) -> Any:
    """'footage of Hillary Clinton asking, “...”': a speech participle right
    after a person's name is that person's."""
    if cue.tag_ != "VBG" or cue.i == 0:
        return None
    entity = ctx.entity_of.get(cue.i - 1)
    return ctx.doc[cue.i - 1] if entity is not None and entity.type == "PERSON" else None


def _outer_report(ctx: Context, cue: Any) -> Any:
    """A nested report ('Trump said that Clinton once described the deal as
    “the gold standard”') is the outer speaker's claim: a cue inside the
    reported clause of a reporting verb with a subject of its own gives way
    to that verb."""
    child = cue
    for _ in range(6):
        head = child.head
        if head.i == child.i or ctx.in_quote(head) or ctx.layout.block_of(head.idx) != ctx.layout.block_of(cue.idx):
            return cue
        if child.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in REPORTING_VERBS:
            outer = subject_of(head, ctx.in_quote)
            return head if outer is not None and outer.pos_ in ("PROPN", "PRON", "NOUN") else cue
        if child.dep_ not in ("ccomp", "conj", "advcl", "xcomp", "pcomp", "pobj", "prep"):
            return cue
        child = head
    return cue


def _after_dash(ctx: Context, subject: Any, name: Any) -> bool:
    """A dash or semicolon stands between `subject` and the name run ending at `name`."""
    entity = ctx.entity_of.get(name.i)
    i = name.i
    while i > 0 and ctx.entity_of.get(i - 1) is entity:
        i -= 1
    return subject.i < i and i > 0 and ctx.doc[i - 1].text in ("―", "—", "–", ";", "--")


def _name_before(ctx: Context, cue: Any) -> Any:
    """A person or organisation named right before the cue."""
    for token in reversed(ctx.doc[max(0, cue.i - 3): cue.i]):
        entity = ctx.entity_of.get(token.i)
        if entity is not None and entity.type in ("PERSON", "ORG"):
            return token
    return None


def _subject_between(ctx: Context, seg: Segment, cue: Any) -> Any:
    """'“...,” Flynn, a top surrogate, said on Fox News': the name between
    the quotation and its cue is the speaker, whatever the parse says."""
    if cue.idx < seg.outer_end:
        return None
    between = [t for t in ctx.doc[_bisect_idx(ctx.doc, seg.outer_end): cue.i] if not ctx.in_quote(t)]
    parsed = subject_of(cue, ctx.in_quote)
    if parsed is not None and any(t.i == parsed.i for t in between):
        return parsed
    for token in between:
        entity = ctx.entity_of.get(token.i)
        if entity is not None and entity.type in ("PERSON", "ORG"):
            return token
    return None


def _inner_tokens(ctx: Context, seg: Segment) -> list[Any]:
    span = ctx.doc.char_span(seg.start, seg.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _find_cue(ctx: Context, item: _Found) -> tuple[Any, bool]:
    """The speech verb for a quotation: one right beside it ('“...,” he
    said', 'told reporters: “...”'), else one that governs it (or that it
    governs) in its sentence, else one elsewhere in the sentence, else one
    in the sentence before or just after it in the same paragraph."""
    doc, seg = ctx.doc, item.seg
    inner = _inner_tokens(ctx, seg)
    if not inner:
        return None, False
    inner_ids = {t.i for t in inner}
    adjacent = _adjacent_cue(ctx, seg)
    if adjacent is not None:
        # a speech frame ('“...,” he said', 'replied, “...”'), not a word the
        # quotation completes ('nicknamed “King James”')
        item.adjacent = adjacent.idx > seg.start or any(
            p in ctx.layout.text[adjacent.idx + len(adjacent.text): seg.outer_start] for p in ",:")
        return adjacent, True
    sents = ctx.sentences(seg.outer_start, seg.outer_end)
    cues = [t for s in sents for t in s if is_cue(t) and not ctx.in_quote(t)
            and ctx.layout.block_of(t.idx) == item.block]
    linked = [c for c in cues if _linked(c, inner, inner_ids)]
    middle = (seg.start + seg.end) / 2
    cast = _cast_as(ctx, seg)
    item.naming = cast is not None
    if linked:
        return min(linked, key=lambda c: abs(c.idx - middle)), True
    if cast is not None:
        return cast, True
    according = [c for c in cues if sentence_cue(c)]
    if according:  # 'X, according to the White House, made a trip for a “quick exam”', 'as X put it'
        return according[0], True
    if cues:
        return min(cues, key=lambda c: abs(c.idx - middle)), False
    colon = _colon_subject(ctx, seg)
    if colon is not None:
        return colon, True
    noun = _speech_noun(ctx, inner, inner_ids)
    if noun is not None:
        return noun, True
    framing = _framing_verb(ctx, sents, inner, inner_ids)
    if framing is not None:
        text = ctx.layout.text[seg.start:seg.end]
        return framing, _named_as(framing, inner, inner_ids) and not _title_like(_WORD.findall(text), text)
    before, after = _neighbours(ctx, sents, item.block, ctx.layout)
    if before is not None:
        prior = [t for t in before if is_cue(t) and not ctx.in_quote(t)]
        if prior:
            return prior[-1], False
        framing = _person_root(ctx, before)
        if framing is not None:
            return framing, False  # 'Sanders, on “Face the Nation”, identified ... . “The younger people ...”'
    if after is not None and not any(ctx.in_quote(t) for t in after):
        lead = [t for t in list(after)[:8] if is_cue(t)]
        if lead:
            return lead[0], False
    return _colon_cue(ctx, item), False


# Words that may stand between a quotation and its cue: '“...,” the former
# mayor of New York has said', 'told reporters in Kyiv: “...”'.
_SUBJECT_WORDS = {"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART", "AUX", "ADV"}
_SUBJECT_PREPS = {"of", "for", "at", "from", "in", "with"}
_LEAD_WORDS = {"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "ADP", "PART"}


def _adjacent_cue(ctx: Context, seg: Segment) -> Any:
    """A cue right behind the quotation after its closing punctuation
    ('“...,” he said'), or right before it ('asking her, “...”')."""
    doc, text = ctx.doc, ctx.layout.text
    closing = text[seg.end:seg.outer_end + 2]
    if any(p in closing for p in ",?!—–") or text[seg.end - 1:seg.end] in ".?!…":
        after = _bisect_idx(doc, seg.outer_end)
        for token in doc[after: after + 20]:
            if is_cue(token) and not ctx.in_quote(token):
                return token if _attribution_for(ctx, seg, token) else None
            if ctx.in_quote(token) and _nickname(ctx, token):
                continue  # 'state Del. Marcia "Cia" Price (D-Newport News), shouted'
            if ctx.in_quote(token) or token.is_space or token.text in "!?;:" or not (
                    token.pos_ in _SUBJECT_WORDS or token.lower_ in _SUBJECT_PREPS
                    or token.text in ",—–-'’.()\"“”"):
                break
            if token.text == "." and not token.i or token.text == "." and doc[token.i - 1].pos_ != "PROPN":
                break
    first = _bisect_idx(doc, seg.outer_start)
    punctuated = first > 0 and doc[first - 1].text in ",:"
    inner = _inner_tokens(ctx, seg)
    inner_ids = {t.i for t in inner}
    for token in reversed(doc[max(0, first - 7): first]):
        if is_cue(token) and not ctx.in_quote(token):
            return token if punctuated or _linked(token, inner, inner_ids) else None
        if ctx.in_quote(token) or token.is_space or not (token.pos_ in _LEAD_WORDS or token.text in ",:"):
            break
    return None


def _nickname(ctx: Context, token: Any) -> bool:
    """A token of a quoted name of one or two words ('Marcia "Cia" Price')."""
    k = ctx.quoted[token.i]
    run = [t for t in ctx.doc[max(0, token.i - 4): token.i + 5] if ctx.quoted[t.i] == k]
    words = [t for t in run if not t.is_punct]
    return len(words) <= 2 and all(t.pos_ == "PROPN" for t in words) and \
        (run[0].i == 0 or ctx.quoted[run[0].i - 1] != k) and ctx.quoted[run[-1].i + 1] != k \
        if run[-1].i + 1 < len(ctx.doc) else False


def _attribution_for(ctx: Context, seg: Segment, cue: Any) -> bool:
    """A cue after a quotation that ends its sentence ('“... billion?” She
    adds, “...”') belongs to the quotation it introduces, if any."""
    text = ctx.layout.text
    if not text[seg.start:seg.end].rstrip().endswith((".", "?", "!", "…")):
        return True
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i and not (ctx.in_quote(c) and ctx.in_quote(c.left_edge))
           for c in cue.children):
        return False  # '... meltdown.” She says it underscores that ...' reports something else
    for token in cue.doc[cue.i + 1: cue.i + 6]:
        if ctx.in_quote(token):
            return False
        if token.is_sent_start or token.text in ".;":
            return True
    return True


def _bisect_idx(doc: Any, offset: int) -> int:
    """Index of the first token starting at or after `offset`."""
    return bisect.bisect_left(token_starts(doc), offset)


def _linked(cue: Any, inner: list[Any], inner_ids: set[int]) -> bool:
    if cue.head.i in inner_ids and cue.dep_ not in ("relcl", "acl", "amod", "compound"):
        return True  # '“...,” he said' parsed with 'said' under the quotation
    roots = [t for t in inner if t.head.i not in inner_ids or t.head.i == t.i]
    return any(governs(cue, t) for t in roots)


def _neighbours(ctx: Context, sents: list[Any], block: int, layout: Layout) -> tuple[Any, Any]:
    doc, first, last = ctx.doc, sents[0], sents[-1]
    before = _sentence_at(ctx, doc[first.start - 1]) if first.start > 0 else None
    after = _sentence_at(ctx, doc[last.end]) if last.end < len(doc) else None
    if before is not None and layout.block_of(before.start_char) != block:
        before = None
    if after is not None and layout.block_of(after.end_char - 1) != block:
        after = None
    return before, after


def _sentence_at(ctx: Context, token: Any) -> Any:
    """The sentence (cut at paragraph breaks) holding `token`."""
    found = ctx.sentences(token.idx, token.idx + 1)
    return found[0] if found else token.sent


def _colon_cue(ctx: Context, item: _Found) -> Any:
    """'He told reporters:' ending the previous paragraph introduces this one."""
    seg, layout = item.seg, ctx.layout
    if item.block == 0 or seg.outer_start - layout.starts[item.block] > 1:
        return None
    prev_start = layout.starts[item.block - 1]
    prev_text = layout.text[prev_start: prev_start + layout.lengths[item.block - 1]].rstrip()
    if not prev_text.endswith(":"):
        return None
    last = ctx.doc.char_span(prev_start, prev_start + len(prev_text), alignment_mode="expand")
    if last is None:
        return None
    cues = [t for t in last if is_cue(t) and not ctx.in_quote(t)]
    if cues:
        return cues[-1]
    root = _sentence_at(ctx, last[-1]).root  # 'Sanders made the following comment:'
    if root.pos_ in ("VERB", "AUX") and not ctx.in_quote(root) and subject_of(root, ctx.in_quote) is not None:
        return root
    return None


def _framing_verb(ctx: Context, sents: list[Any], inner: list[Any], inner_ids: set[int]) -> Any:
    """With no speech verb around, the main verb of the quotation's own
    sentence whose subject is a named person or organisation, or he/she,
    stands in for the cue when the quotation lies in what it governs ('Reid
    has gone after Trump as a “human leech”', 'Trump attacked “the hateful
    ideology ...”')."""
    root = inner[0].sent.root if inner else None
    if root is None or root.i in inner_ids or ctx.in_quote(root) or root.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(root, ctx.in_quote)
    if subject is None or subject.i > inner[0].i:
        return None
    if not _named_subject(ctx, subject):
        return None
    roots = [t for t in inner if t.head.i not in inner_ids or t.head.i == t.i]
    return root if any(governs(root, t) for t in roots) else None


_AS_WORDS = {"a", "an", "the"}


def _cast_as(ctx: Context, seg: Segment) -> Any:
    """'admires Putin as a “strong leader”', 'hailed Trump as “The Comeback
    Kid”', 'references to Machado as “Miss Piggy”': a quotation right after
    'as' is what someone calls something; the verb the 'as' hangs on (or the
    verb above its noun) is the cue, its subject the one calling."""
    first = _bisect_idx(ctx.doc, seg.outer_start)
    k = first - 1
    if k >= 0 and ctx.doc[k].lower_ in _AS_WORDS:
        k -= 1
    if k < 0 or ctx.doc[k].lower_ != "as" or ctx.in_quote(ctx.doc[k]):
        return None
    token = ctx.doc[k]
    for _ in range(6):
        if token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX") and not ctx.in_quote(token):
            return None if _agentless_passive(token) else token
    # a parse that hung 'as' on a noun with no verb above: the verb just before it
    for token in reversed(ctx.doc[max(ctx.doc[k].sent.start, k - 8):k]):
        if ctx.in_quote(token) or token.text in ";:":
            return None
        if token.pos_ == "VERB":
            return None if _agentless_passive(token) else token
    return None


def _agentless_passive(verb: Any) -> bool:
    """'It was known as the “Black Death”': a name nobody in the text gives."""
    deps = {c.dep_ for c in verb.children}
    return verb.tag_ == "VBN" and "agent" not in deps and ("auxpass" in deps or verb.dep_ in ("acl", "amod"))


# Nouns for something said, whose complement may hold a quotation
# ('Trump's claim that there have been “thousands of shootings”').
_SPEECH_NOUNS = frozenset("""
claim statement remark comment assertion promise pledge vow warning accusation charge suggestion
argument insistence boast complaint allegation prediction denial admission declaration
""".split())


def _speech_noun(ctx: Context, inner: list[Any], inner_ids: set[int]) -> Any:
    """A possessed speech noun whose that-clause (or 'of'/'about' phrase)
    holds the quotation: the possessor is the speaker ('his claim that ...')."""
    roots = [t for t in inner if t.head.i not in inner_ids or t.head.i == t.i]
    for root in roots:
        token = root
        for _ in range(6):
            if token.head.i == token.i or ctx.in_quote(token.head) and token.head.i not in inner_ids:
                break
            child, token = token, token.head
            if token.pos_ == "NOUN" and token.lemma_.lower() in _SPEECH_NOUNS and not ctx.in_quote(token):
                if child.dep_ in ("acl", "ccomp", "prep", "relcl") and _possessor(token) is not None:
                    return token
                break
            if is_cue(token):
                break  # a speech verb's own content
    return None


def _possessor(noun: Any) -> Any:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _named_as(verb: Any, inner: list[Any], inner_ids: set[int]) -> bool:
    """The quotation is what someone likens or casts something as ('pounding
    Trump as a “con artist”', 'likened the refugees to a “vicious snake”')."""
    for token in inner:
        if token.head.i in inner_ids and token.head.i != token.i:
            continue
        child = token
        for _ in range(6):
            if child.head.i == verb.i:
                if child.dep_ == "prep" and child.lower_ in ("as", "to", "like"):
                    return True
                break
            if child.head.i == child.i:
                break
            child = child.head
    return False


def _named_subject(ctx: Context, subject: Any) -> bool:
    """A named person or organisation, he/she, or a document ('a GAO report found that ...')."""
    entity = ctx.entity_of.get(subject.i)
    return (entity is not None and entity.type in ("PERSON", "ORG")) or subject.lower_ in ("he", "she") \
        or subject.pos_ == "NOUN" and subject.lemma_.lower() in DOCUMENT_NOUNS


def _person_root(ctx: Context, sent: Any) -> Any:
    """The main verb of the sentence before, when a named person is its subject."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(root, ctx.in_quote)
    if subject is None:
        return None
    entity = ctx.entity_of.get(subject.i)
    return root if entity is not None and entity.type == "PERSON" else None


def _colon_subject(ctx: Context, seg: Segment) -> Any:
    """'Obama has a new message: “It's about me.”' -> the clause before the
    colon introduces the quotation; its main verb stands in for the cue."""
    text = ctx.layout.text
    pos = seg.outer_start - 1
    while pos >= 0 and text[pos] == " ":
        pos -= 1
    if pos < 0 or text[pos] != ":":
        return None
    index = _bisect_idx(ctx.doc, pos)
    if index >= len(ctx.doc) or index == 0:
        return None
    token = ctx.doc[index - 1]
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and not ctx.in_quote(token):
            return token if subject_of(token, ctx.in_quote) is not None else None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _dash_speaker(ctx: Context, item: _Found) -> str | None:
    """A name after a dash right behind the closing mark."""
    text, end = ctx.layout.text, item.seg.outer_end
    match = _DASH_NAME.match(text, end)
    if not match:
        return None
    index = _bisect_idx(ctx.doc, match.start(1))
    if index < len(ctx.doc) and index in ctx.entity_of:
        return ctx.entity_of[index].name
    return match.group(1).strip()


def _transcript_speaker(ctx: Context, item: _Found) -> str | None:
    """A transcript line in quotation marks names its speaker in capitals:
    '"PENCE: Well, look, ...' -> the person whose name ends with Pence; the
    quote's text then starts after the colon."""
    match = _TRANSCRIPT.match(ctx.layout.text, item.seg.start, item.seg.end)
    if not match:
        return None
    name = match.group(1).strip()
    item.seg = replace(item.seg, start=match.end())
    surname = name.split()[-1].title()
    people = [e for e in ctx.entities if e.type == "PERSON" and e.name.split()[-1] == surname]
    return people[0].name if len(people) == 1 else name.title()


_TRANSCRIPT = re.compile(r"([A-Z][A-Z.'’ -]{1,30}[A-Z]):\s+")
_DASH_NAME = re.compile(r"[ \t]*[.,]?[ \t]*[—―–-][ \t]*((?:[A-Z][\w'’.-]*[ \t]?){1,5})")


# ---------------------------------------------------------------- quote or not
def _decide(ctx: Context, found: list[_Found]) -> None:
    groups: dict[int, bool] = {}
    for item in found:
        own_cue = item.seg.closed and item.adjacent  # '“Here he is, babe,” she said.' after an excerpt
        if item.seg.continues and item.seg.group in groups and (groups[item.seg.group] or not own_cue):
            item.is_quote = groups[item.seg.group]
            continue
        item.is_quote = _is_quotation(ctx, item)
        if item.seg.group >= 0:
            groups[item.seg.group] = item.is_quote


def _is_quotation(ctx: Context, item: _Found) -> bool:
    """A quotation is what a speech verb introduces, or a clause of its own;
    short unattributed strings are scare quotes, titled strings are titles."""
    text = ctx.layout.text[item.seg.start:item.seg.end]
    words = _WORD.findall(text)
    if not words:
        return False
    title = _title_like(words, text)
    naming = item.naming or item.cue is not None and item.cue.lemma_.lower() in _NAMING_VERBS
    if not item.adjacent and _work_named(ctx, item.seg):
        return False  # 'Ouisa Davis' commentary, “Melania, tell your immigrant story,”'
    if item.linked and not (title and not naming and _named_thing(ctx, item.seg)):
        return True
    if title:
        return False
    if len(words) >= MIN_PLAIN_WORDS:
        return True
    tokens = [t for t in _inner_tokens(ctx, item.seg) if not t.is_punct and not t.is_space]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in tokens)
    return len(tokens) >= MIN_CLAUSE_WORDS and has_verb


# Nouns for works whose titles are set in quotation marks.
_WORK_NOUNS = frozenset("""
commentary column op-ed oped essay editorial article book novel memoir song album single film movie
documentary show series episode play musical poem headline podcast program programme
""".split())


def _work_named(ctx: Context, seg: Segment) -> bool:
    """The quotation is the title of a work the text has just named: right
    after 'his column', 'the song', 'her book' (a comma may stand between)."""
    k = _bisect_idx(ctx.doc, seg.outer_start) - 1
    if k >= 0 and ctx.doc[k].text == ",":
        k -= 1
    if k < 0 or ctx.in_quote(ctx.doc[k]):
        return False
    return ctx.doc[k].pos_ == "NOUN" and ctx.doc[k].lemma_.lower() in _WORK_NOUNS


def _named_thing(ctx: Context, seg: Segment) -> bool:
    """A capitalised quotation used as a noun ('told “Morning Joe”', 'his
    “Contract with America”') names a show or a title; one that is said
    ('called it “A Disgrace”') is a quotation."""
    inner = _inner_tokens(ctx, seg)
    ids = {t.i for t in inner}
    roots = [t for t in inner if t.head.i not in ids or t.head.i == t.i]
    return bool(roots) and all(r.dep_ in ("dobj", "pobj", "dative", "compound", "nsubj", "nsubjpass",
                                          "appos", "poss", "npadvmod", "conj", "nmod", "amod")
                               for r in roots)  # nmod/amod: 'the “Bad Blood” songstress'


def _title_like(words: list[str], text: str) -> bool:
    """'Fox News Sunday', 'The Art of the Deal': every word capitalised."""
    if not 2 <= len(words) <= 10 or text.rstrip().endswith(("?", "!")):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _SMALL_WORDS or
                                         w[0].isdigit() for w in words)


def _double_style(text: str, segments: list[Segment]) -> bool:
    """The text quotes people in double marks (American style): then a
    quotation in single marks outside them is a headline's ('Flynn says
    Trump ‘absolutely right’'), nested in doubled apostrophes, or a word
    held up for inspection, and the body has the quotation itself.
    British-style texts, quoting in single marks, keep them."""
    doubles = sum(s.double for s in segments) + text.count("''") // 2
    return doubles >= 2 and doubles >= len(segments) - doubles


def _drop_transcript(ctx: Context, found: list[_Found]) -> None:
    """A transcript ('"WALLACE: ...' / '"PENCE: ...', one paragraph per
    turn, each opened by a quotation mark) is a record of who said what,
    labelled by the text itself, not a quotation in a report: its turns,
    and the unlabelled paragraphs between them, are not listed."""
    run_block = -2
    for item in found:
        at_start = item.seg.outer_start == ctx.layout.starts[item.block]
        whole = at_start and item.seg.outer_end >= ctx.layout.starts[item.block] + ctx.layout.lengths[item.block] - 1
        if item.transcript and at_start:
            run_block = item.block
        elif whole and item.block == run_block + 1:
            run_block = item.block  # a turn's next paragraph, '"(CROSSTALK.)
        else:
            continue
        item.is_quote = False


# ---------------------------------------------------------------- grouping
def _inherit_speakers(kept: list[_Found]) -> None:
    """A quotation with no cue at all continues the previous speaker when it
    follows that quotation in the same or the next paragraph."""
    prev: _Found | None = None
    for item in kept:
        if item.speaker is None and item.cue is None and prev is not None \
                and prev.speaker and item.block - prev.block <= 1:
            item.speaker = prev.speaker
        prev = item


def _merge(ctx: Context, kept: list[_Found]) -> list[list[_Found]]:
    """Consecutive parts of one quotation in one paragraph become one quote:
    parts that share their cue ('“X,” he said. “Y.”'), and a part with no
    cue of its own that follows one by the same speaker."""
    groups: list[list[_Found]] = []
    for item in kept:
        last = groups[-1][-1] if groups else None
        if last is not None and last.block == item.block and not item.seg.continues and \
                _one_quotation(ctx, last, item):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _one_quotation(ctx: Context, first: _Found, second: _Found) -> bool:
    if not MERGE_PARTS:
        return False
    if _same_cue(first.cue, second.cue):
        return True
    if first.cue is not None and second.cue is not None and second.cue.tag_ == "VBG" \
            and second.cue.head.i == first.cue.i and first.speaker == second.speaker \
            and not _introduces(ctx, second):
        return True  # '“X,” Tester said, referring to the excuse, “Y.”' (not 'adding that “Y”')
    return second.cue is None and first.speaker == second.speaker


def _introduces(ctx: Context, item: _Found) -> bool:
    """The cue governs the quotation: it reports it ('adding that “...”')."""
    inner = _inner_tokens(ctx, item.seg)
    ids = {t.i for t in inner}
    return _linked(item.cue, inner, ids)


def _same_cue(a: Any, b: Any) -> bool:
    return a is not None and b is not None and a.i == b.i


def _to_quote(ctx: Context, group: list[_Found]) -> Quote | None:
    text = " ".join(ctx.layout.text[f.seg.start:f.seg.end] for f in group)
    mention = ctx.layout.locate(group[0].seg.start, group[-1].seg.end)
    if mention is None:
        return None
    speaker = next((f.speaker for f in group if f.speaker), None)
    return Quote(" ".join(text.split()), speaker, "direct", mention.block, mention.start, mention.end)
