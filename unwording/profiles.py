"""Lexicon profiles: groups of watched-term categories switched on or off together.

`data/profiles.toml` defines the profiles (title, on by default or not; a user
lexicon may add `[profiles.<id>]` tables); each `[categories.<id>]` table of a
lexicon names its profile with `profile = "<id>"`, and a category that names none
is always watched. `choose_profiles` reads a `--profile` value: None or `default`
for the default profiles, `all`, or names separated by commas. A profile chosen
by name is `named`: its subject terms are never muted (see `lexicon.mute_subjects`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .errors import LexiconError

PROFILES = "profiles.toml"


@dataclass(frozen=True)
class Profile:
    """A group of categories watched together; `on` in this lexicon, `named` by the user."""

    name: str
    title: str
    default: bool = False
    categories: tuple[str, ...] = ()
    on: bool = False
    named: bool = False


def choose_profiles(profiles: dict[str, Profile], spec: str | None) -> dict[str, Profile]:
    """The profiles with `on` and `named` set from `spec`: None or `default` for the
    default ones, `all` for every one, or names separated by commas."""
    names = [part.strip().lower() for part in (spec or "").split(",") if part.strip()]
    on: set[str] = set()
    named: set[str] = set()
    for name in names or ["default"]:
        if name == "default":
            on |= {key for key, found in profiles.items() if found.default}
        elif name == "all" or name in profiles:
            chosen = set(profiles) if name == "all" else {name}
            on, named = on | chosen, named | chosen
        else:
            known = ", ".join([*profiles, "default", "all"])
            raise LexiconError(f"unknown profile {name!r} (profiles: {known})")
    return {
        key: replace(found, on=key in on, named=key in named) for key, found in profiles.items()
    }


def build_profiles(tables: dict[str, Any], owners: dict[str, str]) -> dict[str, Profile]:
    """The profiles of `[profiles.<id>]` tables, each with the categories that name it
    (`owners`: category id -> profile id, see `category_profiles`)."""
    profiles = {}
    for key, table in tables.items():
        table = table if isinstance(table, dict) else {}
        members = tuple(category for category, owner in owners.items() if owner == key)
        title = str(table.get("title", key))
        profiles[key] = Profile(key, title, bool(table.get("default", False)), members)
    for category, owner in owners.items():
        if owner and owner not in profiles:
            raise LexiconError(f"lexicon: category {category!r} names unknown profile {owner!r}")
    return profiles


def category_profiles(data: dict[str, Any]) -> dict[str, str]:
    """Category id -> the profile its `[categories.<id>]` table names ('' for none)."""
    tables = data.get("categories") or {}
    return {
        key: str(value.get("profile", "")) if isinstance(value, dict) else ""
        for key, value in tables.items()
    }
