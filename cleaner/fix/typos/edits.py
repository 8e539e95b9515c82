"""How far apart two spellings are: one transposition, or one edit.

>>> one_transposition("ANTO", "NATO"), one_edit("Merkl", "Merkel"), one_edit("Kiev", "Kyiv")
(True, True, False)
>>> edit("Trunp", "Trump"), edit("Starhip", "Starship"), edit("Bidens", "Biden")
(('replace', 3, 'n', 'm'), ('insert', 4, '', 's'), ('delete', 5, 's', ''))
"""

from __future__ import annotations


def one_transposition(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with two neighbouring letters swapped.

    >>> one_transposition("ANTO", "NATO"), one_transposition("NATO", "NATO"), one_transposition("ANTO", "NOTA")
    (True, False, False)
    """
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def one_edit(a: str, b: str) -> bool:
    """True when one letter changed, added or dropped turns ``a`` into ``b``.

    >>> one_edit("Trunp", "Trump"), one_edit("Trmp", "Trump"), one_edit("Trumpp", "Trump"), one_edit("Trump", "Trump")
    (True, True, True, False)
    >>> one_edit("Ardern", "Arden"), one_edit("Dutton", "Dutta")
    (True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


def edit(a: str, b: str) -> tuple[str, int, str, str] | None:
    """The one edit that turns ``a`` into ``b``: ``(op, position, old, new)``, or ``None``.

    ``op`` is ``"replace"``, ``"insert"`` (a letter ``b`` has and ``a`` lacks)
    or ``"delete"``; ``position`` is the index in ``a``.
    """
    if not one_edit(a, b):
        return None
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return ("replace", i, a[i], b[i])
    if len(a) < len(b):
        return ("insert", i, "", b[i])
    return ("delete", i, a[i], "")
