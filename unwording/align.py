"""Align stage: pair base paragraphs with draft paragraphs.

1. Exact matches on the matching key (label excluded), patience style: keys
   unique on both sides anchor first, then the gaps between them are searched.
2. The longest in-order run of those matches is the backbone; between two
   backbone anchors lies a gap whose leftovers are fuzzy-matched locally.
3. What is still left is fuzzy-matched globally (this finds moved and edited
   paragraphs): every pair scored when there are few, else only pairs sharing
   rare words (candidates.py), so a paragraph moved anywhere is found.
4. Matched pairs grow into splits (one base paragraph, consecutive draft
   paragraphs) or merges when the joined text fits better and most of the
   added paragraph's words are found in the other side.
5. Pairs off the longest in-order run of all pairs are `moved` (a minimal set of
   moves); pairs whose labels differ are `renumbered` (both must have one).

Fuzzy scores are the normalized Indel similarity of word-token lists
(rapidfuzz; the first 5,000 words of a paragraph), computed only for leftovers,
so the cost stays near linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Indel

from .candidates import candidate_columns
from .headings import HeadingPair, Heads, pair_headings, section_owners, structural_headings
from .labels import label_core
from .model import Document, Notice, Pair, Status
from .slots import (
    MAX_SLOT_CELLS,
    Candidate,
    Scorer,
    is_content,
    loose_score,
    match_in_order,
    moved_pairs,
    shared,
)

GAP_CUTOFF = 0.5
GLOBAL_CUTOFF = 0.6
GROW_CONTAINED = 0.6
GROW_OPTION = 0.3
LABEL_BONUS = 0.15
MAX_GAP_CELLS = 250_000
MAX_GLOBAL_CELLS = 4_000_000
MAX_SCORED_WORDS = 5_000
EXACT_WORK = 8  # gap searches of `_exact` read at most 8 times the keys (+ the slack)
EXACT_SLACK = 100_000
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|\w+")
_OPTION = re.compile(r"^\W{0,3}Option\s+(?:\d{1,2}|[IVX]{1,4}|[A-Z])\b", re.I)


@dataclass
class _Group:
    base: list[int]
    draft: list[int]
    score: float
    exact: bool = False


class Vocabulary(dict[str, int]):
    """Word -> id, the next id for each new word (looked up in C once known)."""

    def __missing__(self, word: str) -> int:
        found = self[word] = len(self)
        return found


class _Words:
    """Word-id lists of keys (all words, or content words only), made on first use."""

    def __init__(
        self, keys: Sequence[str], vocabulary: Vocabulary, labels: Sequence[str] = ()
    ) -> None:
        self.keys = keys
        self.vocabulary = vocabulary
        self.labels = labels
        self.cache: dict[int, list[int]] = {}
        self.content_cache: dict[int, list[int]] = {}

    def content(self, index: int) -> list[int]:
        """Ids of the content words of a key, lower-cased (see `slots.is_content`)."""
        if index not in self.content_cache:
            words = _WORD.findall(self.keys[index].lower())[:MAX_SCORED_WORDS]
            content = filter(is_content, words)
            self.content_cache[index] = list(map(self.vocabulary.__getitem__, content))
        return self.content_cache[index]

    def label(self, index: int) -> str:
        return self.labels[index] if self.labels else ""

    def is_option(self, index: int) -> bool:
        """Whether a paragraph is one of several alternatives ("Option 2: ...")."""
        return 0 <= index < len(self.keys) and bool(_OPTION.match(self.keys[index]))

    def __getitem__(self, index: int) -> list[int]:
        if index not in self.cache:
            words = _WORD.findall(self.keys[index])[:MAX_SCORED_WORDS]
            self.cache[index] = list(map(self.vocabulary.__getitem__, words))
        return self.cache[index]

    def joined(self, indices: Iterable[int]) -> list[int]:
        return [word for index in indices for word in self[index]]


WordSides = tuple[_Words, _Words]
Leftovers = tuple[list[int], list[int]]  # base and draft indices
Growth = tuple[float, list[int], int]  # score, trial indices, candidate


def align_documents(base: Document, draft: Document) -> tuple[Pair, ...]:
    """Pair every base and draft paragraph exactly once, in draft reading order.

    Body paragraphs are matched first; headings are then paired by where their
    sections' paragraphs went (see `headings.py`).
    """
    fixed = same_file_groups(base, draft)
    placed = {b for g in fixed for b in g.base}, {d for g in fixed for d in g.draft}
    heads = (
        [i for i in structural_headings(base) if i not in placed[0]],
        [i for i in structural_headings(draft) if i not in placed[1]],
    )
    body = _body(base, heads[0], placed[0]), _body(draft, heads[1], placed[1])
    groups = match_keys(
        [base.paragraphs[i].key for i in body[0]],
        [draft.paragraphs[i].key for i in body[1]],
        [label_core(base.paragraphs[i].label) for i in body[0]],
        [label_core(draft.paragraphs[i].label) for i in body[1]],
    )
    for group in groups:
        group.base = [body[0][i] for i in group.base]
        group.draft = [body[1][i] for i in group.draft]
    groups += fixed
    head_pairs = pair_headings(base, draft, heads, groups)
    groups += [_Group([b], [d], score, exact) for b, d, score, exact in head_pairs]
    groups += _match_sections(base, draft, heads, head_pairs, groups)
    return _to_pairs(groups, base, draft)


def _match_sections(
    base: Document,
    draft: Document,
    heads: Heads,
    head_pairs: list[HeadingPair],
    groups: list[_Group],
) -> list[_Group]:
    """Between paired sections ("Article 3 (mitigation)" and "Article 4"), what is
    still alone is paired loosely, in order, as in a gap: a provision rewritten
    and moved with its article is found again."""
    owners = (
        section_owners(len(base.paragraphs), heads[0]),
        section_owners(len(draft.paragraphs), heads[1]),
    )
    placed = {b for g in groups for b in g.base}, {d for g in groups for d in g.draft}
    left: dict[int, tuple[list[int], list[int]]] = {b: ([], []) for b, _, _, _ in head_pairs}
    draft_section = {d: b for b, d, _, _ in head_pairs}
    for b, owner in enumerate(owners[0]):
        if owner in left and b not in placed[0] and b not in heads[0]:
            left[owner][0].append(b)
    for d, owner in enumerate(owners[1]):
        if owner in draft_section and d not in placed[1] and d not in heads[1]:
            left[draft_section[owner]][1].append(d)
    found = []
    for bases, drafts in left.values():
        if bases and drafts and len(bases) * len(drafts) <= MAX_SLOT_CELLS:
            found += _loose_in_order(base, draft, bases, drafts)
    return found


def _loose_in_order(
    base: Document, draft: Document, bases: list[int], drafts: list[int]
) -> list[_Group]:
    vocabulary = Vocabulary()
    words = (
        _Words([base.paragraphs[i].key for i in bases], vocabulary),
        _Words([draft.paragraphs[i].key for i in drafts], vocabulary),
    )
    score = _loose_scorer(words, len(bases) == 1 and len(drafts) == 1)
    pairs = match_in_order(list(range(len(bases))), list(range(len(drafts))), score)
    return [
        _Group([bases[b]], [drafts[d]], Indel.normalized_similarity(words[0][b], words[1][d]))
        for b, d in pairs
    ]


def _body(document: Document, heads: list[int], placed: set[int]) -> list[int]:
    skip = set(heads) | placed
    return [i for i in range(len(document.paragraphs)) if i not in skip]


def same_file_groups(base: Document, draft: Document) -> list[_Group]:
    """For two views of one Word file: each paragraph with its own other view.

    Paragraphs read from the same Word paragraphs (`origin`) are one group; a
    paragraph mark inserted or deleted makes it a split or a merge. What has no
    counterpart (an inserted or deleted paragraph, a tracked move) is left to the
    ordinary matching.
    """
    if not base.views_of or base.views_of != draft.views_of:
        return []
    owner = {o: d for d, p in enumerate(draft.paragraphs) for o in p.origin}
    links: dict[int, set[int]] = {}
    for b, paragraph in enumerate(base.paragraphs):
        links[b] = {owner[o] for o in paragraph.origin if o in owner}
    return _components(links, base, draft)


def _components(links: dict[int, set[int]], base: Document, draft: Document) -> list[_Group]:
    """Connected groups of base and draft paragraphs sharing an origin."""
    draft_to_base: dict[int, list[int]] = defaultdict(list)
    for b, ds in links.items():
        for d in ds:
            draft_to_base[d].append(b)
    groups, seen = [], set()
    for b in sorted(links):
        if b in seen or not links[b]:
            continue
        drafts: set[int]
        bases, drafts, frontier = {b}, set(), [b]
        while frontier:
            for d in links[frontier.pop()] - drafts:
                drafts.add(d)
                fresh = [x for x in draft_to_base[d] if x not in bases]
                bases.update(fresh)
                frontier += fresh
        seen |= bases
        groups.append(_fixed_group(sorted(bases), sorted(drafts), base, draft))
    return groups


def _fixed_group(bases: list[int], drafts: list[int], base: Document, draft: Document) -> _Group:
    base_key = " ".join(base.paragraphs[i].key for i in bases)
    draft_key = " ".join(draft.paragraphs[i].key for i in drafts)
    exact = base_key == draft_key and len(bases) == len(drafts) == 1
    words = _WORD.findall(base_key), _WORD.findall(draft_key)
    return _Group(bases, drafts, 1.0 if exact else Indel.normalized_similarity(*words), exact)


def match_keys(
    base_keys: Sequence[str],
    draft_keys: Sequence[str],
    base_labels: Sequence[str] = (),
    draft_labels: Sequence[str] = (),
) -> list[_Group]:
    """Group base and draft indices: exact, gap-local, global, loose, then split/merge."""
    vocabulary = Vocabulary()
    words = (
        _Words(base_keys, vocabulary, base_labels),
        _Words(draft_keys, vocabulary, draft_labels),
    )
    exact = _exact(base_keys, draft_keys)
    draft_of = dict(exact)
    base_of = {d: b for b, d in exact}
    backbone = _longest_run(sorted(exact, key=lambda pair: pair[1]))
    pool = _match_gaps(backbone, len(base_keys), len(draft_keys), draft_of, base_of, words)
    _match_global(pool, draft_of, base_of, words)
    _match_loose(len(base_keys), len(draft_keys), draft_of, base_of, words)
    groups = _groups(draft_of, words)
    _grow(groups, base_of, draft_of, words, len(base_keys), len(draft_keys))
    return groups


def _exact(base_keys: Sequence[str], draft_keys: Sequence[str]) -> list[tuple[int, int]]:
    """Exact matches, patience style: keys unique in both ranges anchor in order,
    the gaps between anchors are searched again (a key repeated in the document is
    often unique in its gap), a gap with no unique key pairs the equal keys that open
    and close it, and equal keys still left (moved repeats) pair in order. Searching
    the gaps again stops when it has read `EXACT_WORK` times the keys (a text built
    so that each pass finds one anchor would make it quadratic); what is left then
    pairs in order too.
    """
    pairs: list[tuple[int, int]] = []
    ranges = [(0, len(base_keys), 0, len(draft_keys))]
    budget = EXACT_WORK * (len(base_keys) + len(draft_keys)) + EXACT_SLACK
    while ranges and budget > 0:
        b0, b1, d0, d1 = ranges.pop()
        budget -= (b1 - b0) + (d1 - d0)
        anchors = _unique_anchors(base_keys, draft_keys, b0, b1, d0, d1)
        if not anchors:
            pairs.extend(_ends(base_keys, draft_keys, b0, b1, d0, d1))
            continue
        pairs.extend(anchors)
        bounds = [(b0 - 1, d0 - 1), *anchors, (b1, d1)]
        for (pb, pd), (nb, nd) in zip(bounds, bounds[1:], strict=False):
            if nb - pb > 1 and nd - pd > 1:
                ranges.append((pb + 1, nb, pd + 1, nd))
    for b0, b1, d0, d1 in ranges:
        pairs.extend(_ends(base_keys, draft_keys, b0, b1, d0, d1))
    return pairs + _repeats(base_keys, draft_keys, pairs)


def _ends(
    base_keys: Sequence[str], draft_keys: Sequence[str], b0: int, b1: int, d0: int, d1: int
) -> list[tuple[int, int]]:
    """In a gap without unique keys, the equal keys that open and close it, paired in
    place (so a paragraph edited inside a run of identical ones is not a move)."""
    found = []
    while b0 < b1 and d0 < d1 and base_keys[b0] == draft_keys[d0]:
        found.append((b0, d0))
        b0, d0 = b0 + 1, d0 + 1
    while b0 < b1 and d0 < d1 and base_keys[b1 - 1] == draft_keys[d1 - 1]:
        b1, d1 = b1 - 1, d1 - 1
        found.append((b1, d1))
    return found


def _unique_anchors(
    base_keys: Sequence[str], draft_keys: Sequence[str], b0: int, b1: int, d0: int, d1: int
) -> list[tuple[int, int]]:
    base_count = Counter(base_keys[b0:b1])
    draft_count = Counter(draft_keys[d0:d1])
    where = {base_keys[b]: b for b in range(b0, b1) if base_count[base_keys[b]] == 1}
    candidates = [
        (where[key], d)
        for d in range(d0, d1)
        if draft_count[key := draft_keys[d]] == 1 and key in where
    ]
    return _longest_run(candidates)


def _repeats(
    base_keys: Sequence[str], draft_keys: Sequence[str], pairs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    taken_base = {b for b, _ in pairs}
    taken_draft = {d for _, d in pairs}
    positions: dict[str, deque[int]] = defaultdict(deque)
    for index, key in enumerate(base_keys):
        if index not in taken_base:
            positions[key].append(index)
    found = []
    for index, key in enumerate(draft_keys):
        queue = positions.get(key)
        if queue and index not in taken_draft:
            found.append((queue.popleft(), index))
    return found


def _longest_run(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of `pairs` (sorted by draft) increasing in base index."""
    tails: list[int] = []
    tail_at: list[int] = []
    parent = [-1] * len(pairs)
    for position, (base_index, _) in enumerate(pairs):
        slot = bisect_left(tails, base_index)
        parent[position] = tail_at[slot - 1] if slot else -1
        if slot == len(tails):
            tails.append(base_index)
            tail_at.append(position)
        else:
            tails[slot] = base_index
            tail_at[slot] = position
    run = []
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        run.append(pairs[position])
        position = parent[position]
    return run[::-1]


def _match_gaps(
    backbone: list[tuple[int, int]],
    base_count: int,
    draft_count: int,
    draft_of: dict[int, int],
    base_of: dict[int, int],
    words: WordSides,
) -> Leftovers:
    """Fuzzy-match leftovers between consecutive anchors; return the unplaced ones."""
    pool: Leftovers = ([], [])
    bounds = [(-1, -1), *backbone, (base_count, draft_count)]
    for (b0, d0), (b1, d1) in zip(bounds, bounds[1:], strict=False):
        left_base = [b for b in range(b0 + 1, b1) if b not in draft_of]
        left_draft = [d for d in range(d0 + 1, d1) if d not in base_of]
        if left_base and left_draft and len(left_base) * len(left_draft) <= MAX_GAP_CELLS:
            _assign(left_base, left_draft, GAP_CUTOFF, draft_of, base_of, words)
        pool[0].extend(b for b in left_base if b not in draft_of)
        pool[1].extend(d for d in left_draft if d not in base_of)
    return pool


def _match_global(
    pool: Leftovers, draft_of: dict[int, int], base_of: dict[int, int], words: WordSides
) -> None:
    """Fuzzy-match the leftovers anywhere: every pair scored when there are few,
    else only the pairs that share rare words (candidates.py)."""
    left_base, left_draft = pool
    if not left_base or not left_draft:
        return
    columns = None
    if len(left_base) * len(left_draft) > MAX_GLOBAL_CELLS:
        base_words, draft_words = words
        columns = candidate_columns(
            left_base, left_draft, base_words.__getitem__, draft_words.__getitem__
        )
    _assign(left_base, left_draft, GLOBAL_CUTOFF, draft_of, base_of, words, columns)


def _match_loose(
    base_count: int,
    draft_count: int,
    draft_of: dict[int, int],
    base_of: dict[int, int],
    words: WordSides,
) -> None:
    """Pair what is left: clear continuations anywhere first, then by label,
    containment or slot in each gap between in-order pairs."""
    base_words, draft_words = words
    left_base = [b for b in range(base_count) if b not in draft_of]
    left_draft = [d for d in range(draft_count) if d not in base_of]
    if not left_base or not left_draft:
        return
    for b, d in moved_pairs(left_base, left_draft, base_words.content, draft_words.content):
        draft_of[b], base_of[d] = d, b
    backbone = _longest_run(sorted(draft_of.items(), key=lambda pair: pair[1]))
    for gap_base, gap_draft in _gaps(backbone, draft_of, base_of, left_base, left_draft):
        if len(gap_base) * len(gap_draft) <= MAX_SLOT_CELLS:
            score = _loose_scorer(words, len(gap_base) == 1 and len(gap_draft) == 1)
            for b, d in match_in_order(gap_base, gap_draft, score):
                draft_of[b], base_of[d] = d, b


def _gaps(
    backbone: list[tuple[int, int]],
    draft_of: dict[int, int],
    base_of: dict[int, int],
    left_base: list[int],
    left_draft: list[int],
) -> list[Leftovers]:
    """The unpaired base and draft paragraphs of each gap between backbone pairs."""
    anchors_base = [b for b, _ in backbone]
    anchors_draft = [d for _, d in backbone]
    by_gap: dict[int, Leftovers] = {}
    for b in left_base:
        if b not in draft_of:
            by_gap.setdefault(bisect_left(anchors_base, b), ([], []))[0].append(b)
    for d in left_draft:
        if d not in base_of:
            by_gap.setdefault(bisect_left(anchors_draft, d), ([], []))[1].append(d)
    return [found for _, found in sorted(by_gap.items()) if found[0] and found[1]]


def _loose_scorer(words: WordSides, alone: bool) -> Scorer:
    base_words, draft_words = words

    def score(b: int, d: int) -> float | None:
        label = base_words.label(b)
        same_label = bool(label) and label == draft_words.label(d)
        found = shared(base_words.content(b), draft_words.content(d))
        return loose_score(found, Candidate(same_label, alone))

    return score


def _assign(
    base_ids: list[int],
    draft_ids: list[int],
    cutoff: float,
    draft_of: dict[int, int],
    base_of: dict[int, int],
    words: WordSides,
    columns: dict[int, list[int]] | None = None,
) -> None:
    """Greedy best-first one-to-one assignment of candidates scoring >= cutoff;
    two paragraphs with the same label rank as if `LABEL_BONUS` more alike. With
    `columns`, a base paragraph is scored only against the draft paragraphs at its
    positions in `draft_ids` (else against all)."""
    base_words, draft_words = words
    choices = [draft_words[d] for d in draft_ids]
    candidates = []
    for row, b in enumerate(base_ids):
        label = base_words.label(b)
        for score, column in _scores(base_words[b], choices, cutoff, columns, b):
            offset = abs(row / len(base_ids) - column / len(draft_ids))
            d = draft_ids[column]
            bonus = LABEL_BONUS if label and label == draft_words.label(d) else 0.0
            candidates.append((-score - bonus, offset, b, d))
    for _, _, b, d in sorted(candidates):
        if b not in draft_of and d not in base_of:
            draft_of[b] = d
            base_of[d] = b


def _scores(
    query: list[int],
    choices: list[list[int]],
    cutoff: float,
    columns: dict[int, list[int]] | None,
    b: int,
) -> list[tuple[float, int]]:
    """(similarity, position in `choices`) of the choices scoring >= cutoff: all of
    them, or those at the positions `columns[b]`."""
    positions = range(len(choices)) if columns is None else columns[b]
    looked_at = choices if columns is None else [choices[c] for c in positions]
    found = process.extract(
        query, looked_at, scorer=Indel.normalized_similarity, score_cutoff=cutoff, limit=None
    )
    return [(score, positions[at]) for _, score, at in found]


def _groups(draft_of: dict[int, int], words: WordSides) -> list[_Group]:
    base_words, draft_words = words
    groups = []
    for b, d in draft_of.items():
        same = base_words.keys[b] == draft_words.keys[d]
        score = 1.0 if same else Indel.normalized_similarity(base_words[b], draft_words[d])
        groups.append(_Group([b], [d], score, same))
    return groups


def _grow(
    groups: list[_Group],
    base_of: dict[int, int],
    draft_of: dict[int, int],
    words: WordSides,
    base_count: int,
    draft_count: int,
) -> None:
    """Extend pairs into splits and merges while the joined text fits clearly better."""
    for group in groups:
        if group.exact:
            continue
        while _extend(group, "draft", base_of, draft_count, words):
            pass
        if len(group.draft) == 1:
            while _extend(group, "base", draft_of, base_count, words):
                pass


def _extend(group: _Group, side: str, taken: dict[int, int], count: int, words: WordSides) -> bool:
    indices = getattr(group, side)
    side_words = words[0] if side == "base" else words[1]
    best: Growth | None = None
    for candidates in _neighbours(indices, side_words, count):
        found = _best_growth(group, side, candidates, taken, words)
        if found and (best is None or found[0] > best[0]):
            best = found
    if best is None:
        return False
    group.score, trial, candidate = best
    setattr(group, side, trial)
    taken[candidate] = -1
    return True


def _best_growth(
    group: _Group, side: str, candidates: list[int], taken: dict[int, int], words: WordSides
) -> Growth | None:
    """The best (score, trial, candidate) among alternatives for one end of a group.

    A single neighbour must be mostly explained by the other side; among several
    alternatives (options), the one adding the most matched words wins, and it need
    only be partly explained (an option carries words the final text dropped).
    """
    indices = getattr(group, side)
    floor = GROW_CONTAINED if len(candidates) == 1 else GROW_OPTION
    best: tuple[float, float, list[int], int] | None = None
    for candidate in candidates:
        if candidate in taken:
            continue
        trial = sorted([*indices, candidate])
        score, contained, gained = _trial(group, side, trial, candidate, words)
        rank = score if len(candidates) == 1 else gained
        if score > group.score and contained >= floor and (best is None or rank > best[0]):
            best = (rank, score, trial, candidate)
    return best[1:] if best else None


def _neighbours(indices: list[int], side_words: _Words, count: int) -> list[list[int]]:
    """What a group may grow into: the paragraph before it and the one after it.

    Alternatives ("Option 1:", "Option 2:" ...) are never joined to each other: from
    an option the group reaches past its sibling options to the lead-in before them,
    and from a lead-in it may reach any one option of the run that follows.
    """
    option = side_words.is_option
    before = indices[0] - 1
    if option(indices[0]):
        while before >= 0 and option(before):
            before -= 1
    after = indices[-1] + 1
    if option(indices[-1]):
        while after < count and option(after):
            after += 1
        return [[c] for c in (before, after) if 0 <= c < count]
    run: list[int] = []
    while after + len(run) < count and option(after + len(run)):
        run.append(after + len(run))
    found = [[before]] if before >= 0 else []
    return found + ([run] if run else [[after]] if after < count else [])


def _trial(
    group: _Group, side: str, trial: list[int], candidate: int, words: WordSides
) -> tuple[float, float, float]:
    """Score of the grown group, how much of the candidate it explains (0-1), and the
    matched words it gains."""
    base_words, draft_words = words
    base = base_words.joined(trial if side == "base" else group.base)
    draft = draft_words.joined(trial if side == "draft" else group.draft)
    score = Indel.normalized_similarity(base, draft)
    added = len((base_words if side == "base" else draft_words)[candidate])
    before = group.score * (len(base) + len(draft) - added) / 2
    after = score * (len(base) + len(draft)) / 2
    return score, (after - before) / added if added else 0.0, after - before


def _to_pairs(groups: list[_Group], base: Document, draft: Document) -> tuple[Pair, ...]:
    groups.sort(key=lambda group: group.draft[0])
    in_order = {id(group) for group in _in_order(groups)}
    pairs = [_pair(group, id(group) not in in_order, base, draft) for group in groups]
    placed_base = {b for group in groups for b in group.base}
    placed_draft = {d for group in groups for d in group.draft}
    pairs += [
        Pair(Status.INSERTED, (), (d,))
        for d in range(len(draft.paragraphs))
        if d not in placed_draft
    ]
    pairs += [
        Pair(Status.DELETED, (b,), ()) for b in range(len(base.paragraphs)) if b not in placed_base
    ]
    return tuple(_reading_order(pairs))


def _in_order(groups: list[_Group]) -> list[_Group]:
    keyed = [(group.base[0], position) for position, group in enumerate(groups)]
    return [groups[position] for _, position in _longest_run(keyed)]


def _pair(group: _Group, moved: bool, base: Document, draft: Document) -> Pair:
    base_label = base.paragraphs[group.base[0]].label
    draft_label = draft.paragraphs[group.draft[0]].label
    cores = label_core(base_label), label_core(draft_label)
    renumbered = all(cores) and cores[0] != cores[1]  # a label lost or added is no renumbering
    return Pair(
        status=_status(group),
        base=tuple(group.base),
        draft=tuple(group.draft),
        moved=moved,
        renumbered=renumbered,
        similarity=round(group.score, 4),
    )


def _status(group: _Group) -> Status:
    if len(group.draft) > 1:
        return Status.SPLIT
    if len(group.base) > 1:
        return Status.MERGED
    return Status.UNCHANGED if group.exact else Status.MODIFIED


def _reading_order(pairs: list[Pair]) -> list[Pair]:
    """Draft order; a deleted paragraph goes after the pair holding its in-place predecessor."""
    anchor_of = {
        b: pair.draft[0] for pair in pairs if pair.draft and not pair.moved for b in pair.base
    }
    count = 1 + max((b for pair in pairs for b in pair.base), default=-1)
    anchor_before = [-1] * (count + 1)
    for b in range(count):
        anchor_before[b + 1] = anchor_of.get(b, anchor_before[b])

    def position(pair: Pair) -> tuple[int, int, int]:
        if pair.draft:
            return (pair.draft[0], 0, 0)
        return (anchor_before[pair.base[0]], 1, pair.base[0])

    return sorted(pairs, key=position)


WEAK_SHARE = 0.5


def weakness(pairs: Sequence[Pair], base: Document, draft: Document) -> Notice | None:
    """A warning when under half of either side's text found a partner: the two
    files may be different documents, or too differently cut into paragraphs for
    the report to be trusted as it stands."""
    shares = []
    for side, document in (("base", base), ("draft", draft)):
        sizes = [len(paragraph.key) for paragraph in document.paragraphs]
        paired = {i for pair in pairs if pair.base and pair.draft for i in getattr(pair, side)}
        total = sum(sizes)
        shares.append(sum(sizes[i] for i in paired) / total if total else 1.0)
    if min(shares) >= WEAK_SHARE:
        return None
    base_share, draft_share = (round(100 * share) for share in shares)
    what = "different documents" if max(shares) < WEAK_SHARE else "cut very differently"
    return Notice(
        "comparison",
        f"weak comparison: only {base_share}% of the base text and {draft_share}% of the "
        f"draft text found a counterpart; the two files may be {what}, so read the "
        "deletions and insertions with care",
    )
