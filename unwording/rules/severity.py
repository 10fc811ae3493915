"""Severity: how urgently a negotiator must look at a flag (high, medium, low).

The scale, from what decides negotiations:

- **high**: rights, freedoms, gender, democracy or rule-of-law language removed; a
  verb or modal weakened (an obligation softened), or a `[shall][should]` bracket
  resolved as the weaker modal; a quantity or deadline changed,
  added or removed; a negation added or dropped; an operative paragraph deleted or
  moved into the preamble; a condition or scope limit added;
- **medium**: other watched terms added or removed; other hedges and qualifiers
  added; an operative paragraph inserted; verbs and modals strengthened, a modal
  added or removed; a bracket added or changed, or resolved by dropping its text
  or keeping it with edits;
- **low**: a hedge removed (the commitment got firmer), except a condition, scope
  limit or domestic-law qualifier lifted (medium); a bracket resolved by
  keeping its text as it was; brackets gone with their paragraph.

A lexicon category may set its own with `severity_added` / `severity_removed`.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Flag

HIGH, MEDIUM, LOW = "high", "medium", "low"
ORDER = {HIGH: 0, MEDIUM: 1, LOW: 2}

RIGHTS = frozenset(
    {
        "human-rights",
        "democracy",
        "rule-of-law",
        "fundamental-freedoms",
        "human-rights-defenders",
        "civil-society",
        "gender",
        "srhr",
        "sogi",
        "right-to-development",
        "indigenous-peoples",
        "occupation",
    }
)
STRICT_QUALIFIERS = frozenset({"condition", "scope", "domestic-law"})
_BY_KIND = {
    "verb_weakened": HIGH,
    "modal_weakened": HIGH,
    "negation_added": HIGH,
    "negation_removed": HIGH,
    "quantity_changed": HIGH,
    "quantity_added": HIGH,
    "quantity_removed": HIGH,
    "paragraph_deleted": HIGH,
    "paragraph_inserted": MEDIUM,
    "verb_strengthened": MEDIUM,
    "modal_strengthened": MEDIUM,
    "modal_added": MEDIUM,
    "modal_removed": MEDIUM,
    "bracket_added": MEDIUM,
    "bracket_removed": LOW,
}


def severity(flag: Flag, overrides: dict[str, dict[str, str]] | None = None) -> str:
    """The severity of one flag (see the module docstring)."""
    action = flag.kind.rpartition("_")[2]
    custom = (overrides or {}).get(flag.category, {}).get(action)
    if custom in ORDER:
        return custom
    if flag.category == "position":
        return HIGH if flag.term.startswith("operative") else MEDIUM
    if flag.kind in _BY_KIND:
        return _BY_KIND[flag.kind]
    if flag.kind == "bracket_resolved":
        if _weaker_modal_kept(flag):
            return HIGH
        return MEDIUM if flag.detail.startswith(("dropped", "kept with edits")) else LOW
    if flag.kind == "hedge_removed":
        return MEDIUM if flag.category in STRICT_QUALIFIERS else LOW
    if flag.kind == "term_removed" and flag.category in RIGHTS:
        return HIGH
    if flag.kind == "hedge_added" and flag.category in STRICT_QUALIFIERS:
        return HIGH
    if flag.kind == "hedge_removed" and flag.category in STRICT_QUALIFIERS:
        return MEDIUM  # a scope limit or condition lifted: the commitment reaches further
    return MEDIUM


_MODAL_STRENGTH = {"shall": 4, "must": 4, "will": 3, "should": 2, "may": 1}


def _weaker_modal_kept(flag: Flag) -> bool:
    """`[shall][should]` resolved as `should`: an obligation softened at the last step."""
    alternatives = [a.strip().lower() for a in flag.term.split(" / ")]
    if len(alternatives) < 2 or not all(a in _MODAL_STRENGTH for a in alternatives):
        return False
    kept = flag.detail.removeprefix("kept: ").strip().lower()
    strongest = max(_MODAL_STRENGTH[a] for a in alternatives)
    return kept in _MODAL_STRENGTH and _MODAL_STRENGTH[kept] < strongest


def with_severity(flag: Flag, overrides: dict[str, dict[str, str]] | None = None) -> Flag:
    """The flag with its severity set."""
    return replace(flag, severity=severity(flag, overrides))


def by_severity(flag: Flag) -> int:
    """Sort key: high first."""
    return ORDER.get(flag.severity, len(ORDER))
