"""Flags a reviewer would read twice, or that say more than is true: folded away.

After every rule has run, the flag stage passes the flags through `fold_flags`:

- a paragraph deleted or inserted whole is one change: the flag for the paragraph
  stands for the hedges and brackets inside it; a watched term inside it is kept
  only when the whole other text no longer (or did not yet) hold it ("human rights"
  gone from the text, not just from one paragraph that went);
- "operative paragraph deleted" is not said of a paragraph whose wording lives on
  in the draft (merged into a changed paragraph, or copied word for word): most of
  its content words, in order, are found in one draft paragraph; where a good part
  is (`CARRIED`), the flag says where it went ("partly carried into Art. 2.1(b)")
  and is of medium severity;
- an Option said "dropped" whose wording lives on in the draft (`CARRIED`) is not
  dropped: the flag goes;
- a hedge that stood only inside negotiating brackets went (or came) with its
  bracket: the bracket flag says it;
- the same bracket outcome said again in the next paragraphs ("[tracking progress
  towards][accounting for]" resolved alike in two sentences) is said once;
- headings carry no term flags (an article title or an "Option 1" line is no
  commitment);
- on a loose pair (word similarity under `LOOSE_PAIR`: a provision rewritten so far
  that its sentences no longer line up), terms, hedges, verbs, modals and brackets
  are not compared clause by clause: the pair's diff shows the rewrite, and its
  quantities and negations are still flagged;
- a paragraph the base holds twice, deleted twice, is one deletion; a bracket whose
  words a modal flag of the same pair already names ("[shall take into account]"
  next to "shall -> should") is said by that flag.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..lexicon import Term, fold_accents
from ..model import Document, Flag, Kind, Pair, Status
from ..slots import is_content

SURVIVES = 0.6  # share of a deleted paragraph's content words found in one draft paragraph
CARRIED = 0.45  # ... enough to say where part of it went
CARRIED_WORDS = 5  # with at least this many content words in common,
CARRIED_LONG, CARRIED_LONG_WORDS = 0.25, 8  # or a smaller share of a long provision
REPEAT_WINDOW = 2  # pairs: a bracket outcome said again this close is said once
LOOSE_PAIR = 0.3
_MODALS = ("shall", "should", "will", "may", "must")
_CLAUSE_KINDS = ("term_", "hedge_", "modal_", "verb_", "bracket_")
SURVIVES_WORDS = 5
_WORD = re.compile(r"\w+")


def fold_flags(
    flags: Sequence[Flag],
    pairs: Sequence[Pair],
    base: Document,
    draft: Document,
    terms: Sequence[Term],
    hedge_terms: Sequence[Term] = (),
) -> list[Flag]:
    """The flags without those another flag (or the whole text) makes redundant."""
    whole = {n for n, pair in enumerate(pairs) if pair.status in (Status.INSERTED, Status.DELETED)}
    marked = {f.pair for f in flags if f.kind.startswith("paragraph_")}
    present = _presence(base, draft, terms)
    carried = _carried(flags, pairs, base, draft)
    hedges = {(t.category, t.term): t for t in hedge_terms}
    kept: list[Flag] = []
    said: dict[tuple[str, str, str], int] = {}
    loose = {
        n
        for n, pair in enumerate(pairs)
        if pair.base and pair.draft and pair.similarity < LOOSE_PAIR
    }
    modal_words = _modal_words(flags)
    deleted_keys: set[str] = set()
    for flag in flags:
        if _heading_term(flag, base, draft) or _bracketed_hedge(flag, hedges, base, draft):
            continue
        if flag.pair in loose and flag.kind.startswith(_CLAUSE_KINDS):
            continue
        if flag.kind.startswith("bracket_") and _names_modal(flag, modal_words):
            continue
        if flag.kind == "paragraph_deleted" and _copy(flag, pairs, base, deleted_keys):
            continue
        if flag.pair in whole and _inside(flag, flag.pair in marked, present):
            continue
        if _dropped_option(flag) and carried.get(flag.pair, (0.0, ""))[0] >= CARRIED:
            continue  # an Option is said dropped unless most of it is clearly in the draft
        if flag.kind == "paragraph_deleted" and flag.pair in carried:
            share, where = carried[flag.pair]
            if share >= SURVIVES:
                continue
            flag = replace(flag, detail=f"partly carried into {where}", severity="medium")
        if _said_before(flag, said):
            continue
        kept.append(flag)
    return kept


def _modal_words(flags: Sequence[Flag]) -> dict[int, set[str]]:
    words: dict[int, set[str]] = {}
    for flag in flags:
        if flag.kind.startswith("modal_"):
            named = f"{flag.before} {flag.after} {flag.term}".split()
            words.setdefault(flag.pair, set()).update(w for w in named if w in _MODALS)
    return words


def _names_modal(flag: Flag, modal_words: dict[int, set[str]]) -> bool:
    """The bracket holds a modal that a modal flag of the pair names: that flag says it."""
    term = f" {flag.term.lower()} "
    return any(f" {word.lower()} " in term for word in modal_words.get(flag.pair, ()))


def _copy(flag: Flag, pairs: Sequence[Pair], base: Document, seen: set[str]) -> bool:
    """A deleted paragraph word for word the same as one already flagged deleted."""
    key = base.paragraphs[pairs[flag.pair].base[0]].key
    if key in seen:
        return True
    seen.add(key)
    return False


def _dropped_option(flag: Flag) -> bool:
    return flag.kind == "bracket_resolved" and flag.detail.startswith("dropped: Option")


def _said_before(flag: Flag, said: dict[tuple[str, str, str], int]) -> bool:
    """A bracket outcome already said in one of the `REPEAT_WINDOW` pairs before."""
    if not flag.kind.startswith("bracket_") or _dropped_option(flag):
        return False
    key = (flag.kind, flag.term, flag.detail)
    last = said.get(key)
    said[key] = flag.pair
    return last is not None and flag.pair - last <= REPEAT_WINDOW


def _bracketed_hedge(
    flag: Flag, hedges: dict[tuple[str, str], Term], base: Document, draft: Document
) -> bool:
    """A hedge removed (added) that stood only inside brackets of the base (draft)."""
    if not flag.kind.startswith("hedge_"):
        return False
    term = hedges.get((flag.category, flag.term))
    removed = flag.kind == "hedge_removed"
    indices, document = (flag.base, base) if removed else (flag.draft, draft)
    if term is None or not indices:
        return False
    text = "\n".join(document.paragraphs[i].key for i in indices)
    found = [start for start, _, _ in term.finditer(text)]
    return bool(found) and all(_depth(text, at) > 0 for at in found)


def _depth(text: str, at: int) -> int:
    """How many square brackets are open at position `at`."""
    before = text[:at]
    return max(0, before.count("[") - before.count("]"))


def _inside(flag: Flag, marked: bool, present: Callable[[Flag], bool]) -> bool:
    """Whether a flag on a whole deleted or inserted paragraph says nothing more."""
    if flag.kind.startswith("hedge_"):
        return True
    if flag.kind.startswith("bracket_"):
        return marked
    if flag.kind.startswith("term_"):
        return present(flag)
    return False


def _heading_term(flag: Flag, base: Document, draft: Document) -> bool:
    if not flag.kind.startswith(("term_", "hedge_")):
        return False
    added = flag.kind.endswith("_added")
    indices, document = (flag.draft, draft) if added else (flag.base, base)
    if not indices:
        return False
    paragraph = document.paragraphs[indices[0]]  # the side where the wording stands
    return paragraph.kind is Kind.HEADING or bool(_OPTION_LINE.match(paragraph.key))


_OPTION_LINE = re.compile(r"^\W{0,3}Option\s+\w{1,4}\W{0,3}$", re.I)


def _presence(base: Document, draft: Document, terms: Sequence[Term]) -> Callable[[Flag], bool]:
    """Whether a term removed (added) with its paragraph is still (already) in the
    other text, searched once per term and side, paragraph by paragraph until found."""
    by_name = {(t.category, t.term): t for t in terms}
    cache: dict[tuple[str, str, str], bool] = {}

    def present(flag: Flag) -> bool:
        side = "draft" if flag.kind.endswith("_removed") else "base"
        key = (side, flag.category, flag.term)
        if key not in cache:
            term = by_name.get((flag.category, flag.term))
            document = draft if side == "draft" else base
            cache[key] = term is not None and any(
                term.may_occur_in(folded) and term.regex.search(folded) is not None
                for folded in (fold_accents(p.key) for p in document.paragraphs)
            )
        return cache[key]

    return present


def _carried(
    flags: Sequence[Flag], pairs: Sequence[Pair], base: Document, draft: Document
) -> dict[int, tuple[float, str]]:
    """For each deleted paragraph whose wording lives on in the draft: the share of
    its content words found in one draft paragraph, and that paragraph's address."""
    deleted = [f.pair for f in flags if f.kind == "paragraph_deleted" or _dropped_option(f)]
    if not deleted:
        return {}
    keys = {p.key: p.address for p in draft.paragraphs}
    changed = [
        d
        for pair in pairs
        if pair.draft and pair.status is not Status.UNCHANGED
        for d in pair.draft
    ]
    words = [_content(draft.paragraphs[d].key) for d in changed]
    found = {}
    for number in deleted:
        key = base.paragraphs[pairs[number].base[0]].key
        if key in keys:
            found[number] = (1.0, keys[key])
            continue
        content = _content(key)
        share, index = _best_share(content, words)
        common = share * len(content)
        if (share >= CARRIED and common >= CARRIED_WORDS) or (
            share >= CARRIED_LONG and common >= CARRIED_LONG_WORDS
        ):
            found[number] = (share, draft.paragraphs[changed[index]].address)
    return found


def _best_share(words: list[str], candidates: list[list[str]]) -> tuple[float, int]:
    """The largest share of `words` found in order in one candidate, and which one
    (prefiltered on similarity in C: a paragraph holding 40% of a text at most
    four times its length is at least 0.16 similar to it)."""
    if len(words) < SURVIVES_WORDS or not candidates:
        return 0.0, -1
    found = process.extract(
        words, candidates, scorer=Indel.normalized_similarity, score_cutoff=0.15, limit=None
    )
    best = (0.0, -1)
    for _, _, index in found:
        candidate = candidates[index]
        common = (len(words) + len(candidate) - Indel.distance(words, candidate)) // 2
        best = max(best, (common / len(words), index))
    return best


def _content(key: str) -> list[str]:
    return [w for w in _WORD.findall(key.lower()) if is_content(w)]
