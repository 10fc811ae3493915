"""Flag rules: one module per kind of finding, run by the flag stage (flags.py).

- `terms`: watched terms and hedges added or removed (counts per pair);
- `verbs`: the opening verb weakened or strengthened on its scale, a paragraph
  moved between the operative part and the preamble, modal verbs shifted;
- `brackets`: negotiating brackets added, removed or resolved, with attribution;
- `editorial`: whether a modified pair changed only references, numbers and
  typography (editorial) or its wording (substantive).

Every rule takes a `PairText` and yields `Flag`s.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Kind, Pair


@dataclass(frozen=True)
class PairText:
    """What a rule sees of one pair: its joined keys and the kinds of its ends."""

    number: int
    pair: Pair
    base: str
    draft: str
    base_kind: Kind | None
    draft_kind: Kind | None
