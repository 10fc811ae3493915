"""Lineage: each paragraph's chain through the versions of a negotiation.

Every pair of every successive comparison links its base paragraphs to its draft
paragraphs (a split or merged pair links them all), so a provision is followed however
often it is split, merged, moved or renumbered: a lineage is a connected group of
paragraphs across the versions. A moved pair that kept under `MOVED_FLOOR` of its text
links nothing. A paragraph that disappears and comes back later
(deleted in v2, restored in v4) is found again: the text of each lineage that ends
before the last version is compared with each lineage that starts at least two versions
later, by the normalized Indel similarity rapidfuzz gives (as the align stage scores
paragraphs), and the best matches above `RESTORE_CUTOFF` are joined, one to one.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..align import GLOBAL_CUTOFF
from ..compare import index_map
from ..model import JOINER, Document, Notice, Pair, Status
from ..report.names import paragraph_names
from .records import Lineage, Passage, Place, Step

RESTORE_CUTOFF = GLOBAL_CUTOFF
MAX_RESTORE_CELLS = 4_000_000  # lineage ends x starts compared at most
Node = tuple[int, int]  # (version, paragraph index in that version)


class _Groups:
    """Union-find over paragraphs of all versions."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def root(self, node: Node) -> Node:
        parent = self.parent.setdefault(node, node)
        while parent != node:
            self.parent[node] = self.parent.setdefault(parent, parent)
            node, parent = parent, self.parent[parent]
        return node

    def join(self, nodes: Sequence[Node]) -> None:
        roots = [self.root(node) for node in nodes]
        for other in roots[1:]:
            self.parent[other] = roots[0]

    def members(self) -> dict[Node, list[Node]]:
        found: dict[Node, list[Node]] = {}
        for node in sorted(self.parent):
            found.setdefault(self.root(node), []).append(node)
        return found


def step_nodes(steps: Sequence[Step], documents: Sequence[Document]) -> list[list[list[Node]]]:
    """For each step, for each of its pairs, the paragraphs it links (version, index),
    the base side mapped onto the version as the previous step prepared it."""
    linked = []
    for number, step in enumerate(steps):
        mapped = index_map(step.comparison.base, documents[number])
        linked.append(
            [
                [(number, mapped[i]) for i in pair.base if i in mapped]
                + [(number + 1, i) for i in pair.draft]
                for pair in step.comparison.pairs
            ]
        )
    return linked


MOVED_FLOOR = 0.25  # a moved paragraph sharing less of its text is no link of lineage


def _far_fetched(pair: Pair) -> bool:
    """A pair the alignment made of a moved paragraph that kept under a quarter of
    its text: the history follows it as one paragraph ending and another starting
    (its words would otherwise pass for a change of modal or verb)."""
    return pair.moved and pair.status is Status.MODIFIED and pair.similarity < MOVED_FLOOR


def build_lineages(
    steps: Sequence[Step], documents: Sequence[Document]
) -> tuple[tuple[Lineage, ...], tuple[Notice, ...]]:
    """The lineages of all paragraphs of `documents` (one per version, as prepared by
    the steps), in the order of the last version each is in; and notices."""
    linked = step_nodes(steps, documents)
    groups = _Groups()
    for number, document in enumerate(documents):
        for index in range(len(document.paragraphs)):
            groups.root((number, index))
    for step, pairs in zip(steps, linked, strict=True):
        for pair, nodes in zip(step.comparison.pairs, pairs, strict=True):
            if not _far_fetched(pair):  # a far-fetched pair's two paragraphs stay apart
                groups.join(nodes)
    restored, notices = _restore(groups.members(), documents)
    for end, start in restored:
        groups.join([end, start])
    members = sorted(groups.members().values(), key=_order)
    names = [paragraph_names(document) for document in documents]
    pair_of = [
        _pairs_by_node(
            pairs, {n for n, pair in enumerate(step.comparison.pairs) if _far_fetched(pair)}
        )
        for step, pairs in zip(steps, linked, strict=True)
    ]
    lineages = tuple(
        _lineage(n, nodes, documents, names, pair_of, restored) for n, nodes in enumerate(members)
    )
    return lineages, notices


def _order(nodes: list[Node]) -> tuple[int, int]:
    last = max(version for version, _ in nodes)
    return -last, min(index for version, index in nodes if version == last)


def _lineage(
    number: int,
    nodes: list[Node],
    documents: Sequence[Document],
    names: list[list[str]],
    pair_of: list[dict[Node, list[int]]],
    restored: list[tuple[Node, Node]],
) -> Lineage:
    owned = set(nodes)
    places = tuple(
        _place([i for v, i in nodes if v == version], documents[version], names[version])
        for version in range(len(documents))
    )
    gaps = tuple((end[0], start[0]) for end, start in restored if end in owned)
    returns = {after for _, after in gaps}
    passages = tuple(
        _passage(step, pairs, nodes, step + 1 in returns)
        for step, pairs in enumerate(pair_of)
        if places[step] or places[step + 1]
    )
    return Lineage(number, places, passages, gaps)


def _place(indices: list[int], document: Document, names: list[str]) -> Place | None:
    if not indices:
        return None
    paragraphs = [document.paragraphs[i] for i in sorted(indices)]
    addresses = list(dict.fromkeys(names[p.index] for p in paragraphs))
    kind = paragraphs[0].kind.value if paragraphs[0].kind else ""
    text = JOINER.join(p.text for p in paragraphs)
    return Place(tuple(sorted(indices)), " + ".join(addresses), text, kind)


def _pairs_by_node(pairs: list[list[Node]], apart: set[int]) -> dict[Node, list[int]]:
    """Each paragraph of a step to the numbers of the step's pairs holding it (but
    the far-fetched pairs, `apart`: their paragraphs start or end there)."""
    found: dict[Node, list[int]] = {}
    for number, nodes in enumerate(pairs):
        for node in nodes if number not in apart else ():
            found.setdefault(node, []).append(number)
    return found


def _passage(step: int, pair_of: dict[Node, list[int]], nodes: list[Node], back: bool) -> Passage:
    numbers = {n for node in nodes if node[0] in (step, step + 1) for n in pair_of.get(node, ())}
    status = "restored" if back else ""
    if not numbers and not back:  # ends or starts with a far-fetched pair
        status = "inserted" if any(v == step + 1 for v, _ in nodes) else "deleted"
    return Passage(step, status, tuple(sorted(numbers)))


def _restore(
    members: dict[Node, list[Node]], documents: Sequence[Document]
) -> tuple[list[tuple[Node, Node]], tuple[Notice, ...]]:
    """(last paragraph of an ended lineage, first paragraph of a later one) joined."""
    final = len(documents) - 1
    ends, starts = [], []
    for nodes in members.values():
        first, last = min(nodes), max(nodes)
        if last[0] < final - 1:
            ends.append(last)
        if first[0] > 1:
            starts.append(first)
    if not ends or not starts:
        return [], ()
    if len(ends) * len(starts) > MAX_RESTORE_CELLS:
        note = f"{len(ends)} provisions end early: restored paragraphs were not looked for"
        return [], (Notice("history", note),)
    return _best(ends, starts, documents), ()


def _best(
    ends: list[Node], starts: list[Node], documents: Sequence[Document]
) -> list[tuple[Node, Node]]:
    """Matches above the cutoff, best first, each paragraph used once, a later start only."""
    keys = [documents[v].paragraphs[i].key for v, i in starts]
    found = []
    for end in ends:
        key = documents[end[0]].paragraphs[end[1]].key
        for _, score, s in process.extract(
            key, keys, scorer=Indel.normalized_similarity, score_cutoff=RESTORE_CUTOFF, limit=None
        ):
            if starts[s][0] >= end[0] + 2:
                found.append((-score, end, starts[s]))
    found.sort()
    used: set[Node] = set()
    joined = []
    for _, end, start in found:
        if end not in used and start not in used:
            used.update((end, start))
            joined.append((end, start))
    return sorted(joined)
