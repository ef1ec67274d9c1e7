"""Checks across entries: what no single entry can tell (unique ids, the claims that
counterclaims and settlements name, settlements in their claim's currency, within it and dated
on or after it), and the names a ledger gives its parties. Each check returns problems; the
caller refuses."""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Mapping, Sequence
from decimal import Decimal, localcontext
from typing import Any

from .arithmetic import SUMS
from .entries import Claim, EntryBase, Settlement, party_error
from .errors import Problem
from .units import currency_of

__all__ = ["added_pass", "cross_check", "label_text", "parties_problems"]

_ZERO = Decimal(0)


def label_text(text: str) -> str:
    """Text as a problem's label shows it: itself, or its repr when it holds a newline or the
    like (``'org:imf\\n'``)."""
    return text if text.isprintable() else repr(text)


#: A language key of a party's name table: ``en``, ``ru``, ``uz_Cyrl``, ``ru_KZ``.
_LANGUAGE_KEY = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]{2,8})*")


def parties_problems(parties: dict[str, Any], name: str | None) -> list[Problem]:
    """Problems with a ledger's names for parties: each is text (every language's name), or
    a table ``{name = ...}`` whose name is text or a table of language = name
    (``[parties.KG] name = {en = "Kyrgyzstan", ru = "Кыргызстан"}``)."""
    if not isinstance(parties, dict):
        return [Problem(name, None, "parties", "must be a table of party = name")]
    problems = []
    for party, label in parties.items():
        why = party_error(party)
        shown = label_text(party) if isinstance(party, str) else str(party)
        if why:
            problems.append(Problem(name, "parties", shown, why))
        elif isinstance(label, dict):
            problems += [Problem(name, "parties", f"{shown}.{at}", w) for at, w in _named(label)]
        elif not isinstance(label, str) or not label:
            problems.append(
                Problem(
                    name,
                    "parties",
                    shown,
                    "the name must be text, or a table such as name = {en = '...', ru = '...'}",
                )
            )
    return problems


def _named(table: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, what is wrong) for a party's table: only ``name``, text or language = text."""
    found = [
        (label_text(str(key)), "unknown key; accepted: name") for key in table if key != "name"
    ]
    names = table.get("name")
    if isinstance(names, str) and names:
        return found
    if not isinstance(names, dict) or not names:
        return [*found, ("name", "must be text, or a table of language = name (en = '...')")]
    for language, text in names.items():
        shown = f"name.{label_text(str(language))}"
        if not isinstance(language, str) or not _LANGUAGE_KEY.fullmatch(language):
            found.append((shown, "not a language code; use one such as en, ru, ky, uz_Cyrl"))
        elif not isinstance(text, str) or not text:
            found.append((shown, "the name must be text"))
    return found


def cross_check(
    entries: list[EntryBase],
    name: str | None,
    positions: Sequence[int] | None = None,
    refused: Mapping[str, int] | None = None,
) -> list[Problem]:
    """What no single entry can tell: unique ids, claims named by counterclaims and
    settlements, settlements in the claim's currency and within its amount.

    ``positions`` are the entries' places in the file (when some of its entries were refused
    and left out, the others keep their own); ``refused`` the ids of those refused, by place,
    so an entry naming one is told it was refused, not that it names nothing.
    """
    where = list(positions) if positions is not None else list(range(len(entries)))
    gone = dict(refused or {})
    by_id, problems, places = _unique_ids(entries, name, where, gone)
    settled: dict[str, list[Settlement]] = {}
    # Labels are made for the entries a check concerns only: a ledger of a million claims
    # has few counterclaims and settlements.
    for entry, at in zip(entries, where, strict=True):
        if isinstance(entry, Claim) and entry.counter_to is not None:
            label = f"entries[{at}] ({entry.id})"
            problems += _answer_problems(entry, by_id, name, label, gone)
        elif isinstance(entry, Settlement):
            label = f"entries[{at}] ({entry.id})"
            problem = _settlement_problem(entry, by_id, name, label, gone)
            if problem is None:
                settled.setdefault(entry.claim, []).append(entry)
            else:
                problems.append(problem)
    labels = {id(by_id[claim]): f"entries[{places[claim]}] ({claim})" for claim in settled}
    return problems + _overpaid(settled, by_id, name, labels)


def added_pass(
    by_id: dict[str, EntryBase],
    settled: Mapping[str, list[Settlement]],
    added: Sequence[EntryBase],
) -> bool:
    """Whether entries added to a ledger that passed :func:`cross_check` (``by_id`` its
    entries, ``settled`` its settlements by claim) leave it passing: the same checks, on the
    added entries and the claims they settle only. Adding one entry at a time costs the entry,
    not the ledger. ``False`` when anything is wrong; the caller checks the whole, to refuse
    it in the usual words and order.
    """
    mine: dict[str, EntryBase] = {}
    for entry in added:
        if entry.id in by_id or entry.id in mine:
            return False
        mine[entry.id] = entry
    every = ChainMap(mine, by_id)
    touched: dict[str, list[Settlement]] = {}
    for entry in added:
        if isinstance(entry, Claim) and entry.counter_to is not None:
            if _answer_problems(entry, every, None, entry.id, {}):
                return False
        elif isinstance(entry, Settlement):
            if _settlement_problem(entry, every, None, entry.id, {}) is not None:
                return False
            if entry.claim not in touched:
                touched[entry.claim] = list(settled.get(entry.claim, ()))
            touched[entry.claim].append(entry)
    labels = {id(every[claim_id]): claim_id for claim_id in touched}
    return not _overpaid(touched, every, None, labels)


def _unique_ids(
    entries: list[EntryBase],
    name: str | None,
    where: list[int],
    refused: Mapping[str, int] | None = None,
) -> tuple[dict[str, EntryBase], list[Problem], dict[str, int]]:
    """Each id's entry and place (the first that has it), and a problem for each other: an
    entry with the id of one refused above too (every problem is named at once, not the
    repeated id only once the other is fixed)."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    by_id: dict[str, EntryBase] = {}
    gone = refused or {}
    for index, entry in zip(where, entries, strict=True):
        first = seen.get(entry.id)
        if first is None and gone.get(entry.id, index) < index:
            first = gone[entry.id]
        if first is not None:
            problems.append(
                Problem(
                    name,
                    f"entries[{index}] ({entry.id})",
                    "id",
                    f"id {entry.id!r} is used already by entries[{first}]; ids must be unique",
                )
            )
        else:
            seen[entry.id] = index
            by_id[entry.id] = entry
    for entry_id, index in gone.items():  # a refused entry with the id of one kept above
        first = seen.get(entry_id)
        if first is not None and first < index:
            problems.append(
                Problem(
                    name,
                    f"entries[{index}] ({entry_id})",
                    "id",
                    f"id {entry_id!r} is used already by entries[{first}]; ids must be unique",
                )
            )
    return by_id, problems, seen


def _answer_problems(
    entry: Claim,
    by_id: Mapping[str, EntryBase],
    name: str | None,
    label: str,
    refused: Mapping[str, int],
) -> list[Problem]:
    """A counterclaim must answer a claim between the same two parties."""
    assert entry.counter_to is not None
    target = by_id.get(entry.counter_to)
    if not isinstance(target, Claim):
        why = _dangling(entry.counter_to, target, "claim it answers", refused, "counterclaim")
    elif {target.creditor, target.debtor} != {entry.creditor, entry.debtor}:
        why = (
            f"answers {target.id!r}, a claim between {target.creditor} and "
            f"{target.debtor}, but is between {entry.creditor} and {entry.debtor}"
        )
    else:
        return []
    return [Problem(name, label, "counter_to", why)]


def _settlement_problem(
    entry: Settlement,
    by_id: Mapping[str, EntryBase],
    name: str | None,
    label: str,
    refused: Mapping[str, int],
) -> Problem | None:
    """A settlement must name a claim, be in its currency and be dated on or after it."""
    target = by_id.get(entry.claim)
    if not isinstance(target, Claim):
        why = _dangling(entry.claim, target, "claim it settles", refused, "settlement")
        return Problem(name, label, "claim", why)
    mine, theirs = currency_of(entry.amount.unit), target.currency
    if mine != theirs:
        return Problem(
            name,
            label,
            "amount",
            f"settlement in {mine} of claim {target.id!r} in {theirs}; settle in the "
            "claim's currency (convert with a dated rate first)",
        )
    if entry.as_of < target.as_of:
        return Problem(
            name,
            label,
            "as_of",
            f"settlement dated {entry.as_of.isoformat()} is before the claim it settles, "
            f"{target.id!r} dated {target.as_of.isoformat()}; date it on or after the claim",
        )
    return None


def _overpaid(
    settled: dict[str, list[Settlement]],
    by_id: Mapping[str, EntryBase],
    name: str | None,
    labels: dict[int, str],
) -> list[Problem]:
    """Settlements may not sum to more than their claim's upper bound. Exact settlements sum
    to their total; any other sums to at least the total of their lower bounds."""
    problems = []
    for claim_id, settlements in settled.items():
        claim = by_id[claim_id]
        assert isinstance(claim, Claim)
        ceiling = claim.amount.high
        lows = [s.amount.low.magnitude if s.amount.low is not None else _ZERO for s in settlements]
        with localcontext(SUMS):  # exact, whatever the caller's context
            paid = sum(lows, _ZERO)
        if ceiling is not None and paid > ceiling.magnitude:
            exact = all(s.amount.is_exact for s in settlements)
            problems.append(
                Problem(
                    name,
                    labels[id(claim)],
                    "settlements",
                    f"settlements {', '.join(s.id for s in settlements)} sum to "
                    f"{'' if exact else 'at least '}{paid} {claim.currency}, more than the "
                    f"claim's {claim.amount}",
                )
            )
    return problems


def _dangling(
    target_id: str, found: object, role: str, refused: Mapping[str, int], what: str
) -> str:
    if found is None and target_id in refused:
        return (
            f"claim {target_id!r} was refused above (entries[{refused[target_id]}]); fix it, "
            f"and this {what} is checked against it"
        )
    if found is None:
        return f"{target_id!r} names no entry in the ledger; it must be the id of the {role}"
    return f"{target_id!r} is a {getattr(found, 'kind', '?')}, not a claim; it must be the {role}"
