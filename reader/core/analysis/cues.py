"""Speech cues in the parse: which words introduce speech ('said', 'told',
'according to'), who their subject is, and what they introduce."""
from __future__ import annotations

from typing import Any

# Verbs that introduce speech or writing (lemmas).
SPEECH_VERBS = frozenset("""
say tell add write state declare announce explain insist claim warn note argue describe ask
reply respond acknowledge admit recall suggest tweet post urge quip joke complain concede
conclude predict promise vow pledge repeat report reiterate stress emphasize emphasise observe
remark comment boast brag muse lament charge contend assert counter retort shout yell scream
whisper mutter testify confirm deny propose demand recommend advise caution allege read
proclaim exclaim recount tout dub label term nickname characterize characterise refer call
continue sing chant preach plead beg cry mock blast slam praise criticize criticise
wonder question answer inform assure remind reveal disclose concur agree object
accuse brand denounce condemn decry hail lambast chide scold rebuke quote thank
dismiss defend ridicule deride tout applaud welcome blame warn threaten
exhort laud extol liken cite mention reference scoff sneer snap tease taunt hint speculate opine
posit reassure implore entreat beseech swear vow profess gush rave rant rail fume grumble gripe
murmur blurt interject elaborate clarify summarize summarise depict portray
""".split())
# Cues that may also take plain reported speech ("X said Russia had ...").
REPORTING_VERBS = frozenset("""
say tell claim argue add insist warn announce deny suggest explain note state declare
acknowledge admit allege contend assert report confirm predict promise vow stress write tweet
complain concede maintain reply respond reiterate emphasize emphasise testify indicate
""".split())
_CONTENT_DEPS = {"ccomp", "dobj", "xcomp", "oprd", "parataxis", "attr", "dep", "obj",
                 "advcl", "acomp", "conj", "appos", "npadvmod", "pcomp", "dative"}
_NAMING_PREPS = {"as", "about", "for", "to", "of"}


def is_cue(token: Any) -> bool:
    """A speech verb, the 'according' of 'according to', or the 'put' of 'as X put it'."""
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    if token.lemma_ == "put":
        return sentence_cue(token)
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS


def sentence_cue(token: Any) -> bool:
    """A cue that attributes its whole sentence: 'according to X', 'as X put it'."""
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    kids = {c.lower_: c.dep_ for c in token.children}
    return token.lemma_ == "put" and kids.get("it") == "dobj" and kids.get("as") == "mark"


def subject_of(cue: Any, skip: Any = None) -> Any | None:
    """The token naming who speaks through `cue`; `skip(token)` rules out
    candidates (words inside quotations). With no subject of its own, a cue
    inside another speech verb's clause speaks for that verb's subject."""
    subject = _subject_of(cue, skip)
    if subject is not None:
        return subject
    for ancestor in list(cue.ancestors)[:6]:
        if is_cue(ancestor) and (skip is None or not skip(ancestor)):
            return _subject_of(ancestor, skip)
    return None


def _subject_of(cue: Any, skip: Any) -> Any | None:
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    return _verb_subject(cue, 0, skip)


_RELATIVE = {"who", "which", "that", "whom"}


def _verb_subject(verb: Any, depth: int, skip: Any = None) -> Any | None:
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN":
        return verb.head  # 'Said Ellis: ...' parsed as a name
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj") and (skip is None or not skip(child)):
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head  # 'anybody who complains'
            return child
    if (verb.i == verb.sent.start or verb.i > 0 and verb.doc[verb.i - 1].is_punct) and verb.tag_ != "VBG":
        for child in verb.rights:  # 'Said Ellis: ...' (not 'telling O'Reilly that ...')
            if child.pos_ == "PROPN" and child.dep_ in ("dobj", "attr", "npadvmod", "dep", "appos", "oprd") \
                    and child.left_edge.i == verb.i + 1:
                return child
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    if depth > 2 or verb.head.i == verb.i:
        return None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head  # 'Smith, who said ...' / 'a statement saying ...'
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
            and verb.head.dep_ == "relcl" and verb.sent.root.i != verb.head.i:
        # '... an architect who said he was stiffed, saying, “...”': a participle
        # after a comma belongs to the main clause, not to the relative clause
        return _verb_subject(verb.sent.root, depth + 1, skip)
    if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "parataxis", "dep"):
        return _verb_subject(_out_of_dashes(verb, verb.head), depth + 1, skip)
    if verb.dep_ in ("pobj", "pcomp") and verb.head.dep_ == "prep" and verb.head.head.i != verb.head.i:
        return _verb_subject(verb.head.head, depth + 1, skip)  # 'began by saying ...'
    return None


_DASHES = {"-", "--", "—", "–", "―"}


def _out_of_dashes(verb: Any, head: Any) -> Any:
    """A participle after a parenthetical set off by dashes that the parse
    hung inside it ('looping the streets - where the Panthers played - while
    chanting, “...”'): the head outside the parenthetical."""
    if head.i >= verb.i or not any(t.text in _DASHES for t in verb.doc[head.i + 1: verb.i]):
        return head
    opening = next((t.i for t in reversed(verb.doc[verb.sent.start: head.i]) if t.text in _DASHES), None)
    if opening is None:
        return head
    for _ in range(8):
        if head.i < opening or head.head.i == head.i:
            break
        head = head.head
    return head if head.i < opening else verb.head


def governs(cue: Any, token: Any) -> bool:
    """True when `token` lies in what `cue` introduces (its complement,
    object, or an 'as'/'about' phrase), not in its subject or adjuncts."""
    child = token
    for _ in range(40):
        head = child.head
        if head.i == child.i:
            return False
        if head.i == cue.i:
            if child.dep_ in _CONTENT_DEPS:
                return True
            return child.dep_ == "prep" and child.lower_ in _NAMING_PREPS
        child = head
    return False
