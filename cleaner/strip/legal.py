"""Copyright and legal lines at the foot of a page.

>>> copyright_line("© 2019 The Company. All rights reserved.", Context(where="tail")).kind
'copyright'
>>> copyright_line("The court ruled on copyright law in 2019.", Context(where="tail")) is None
True
"""

from __future__ import annotations

import re

from cleaner.strip.claims import Claim, Context, word_count

_COPYRIGHT = re.compile(
    r"(?:^(?:©|\(c\)|copyright\s*(?:©|\(c\)|:|\d{4}|by\b))|all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados"
    r"|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|все права защищены|wszelkie prawa zastrzeżone)",
    re.IGNORECASE,
)


#: "Copyright Example News Ltd": the word, then only capitalised words (an owner, not a sentence).
_OWNER = re.compile(r"(?i:copyright)(?:\s+[A-Z0-9][\w&.,'’\-]*){1,6}\.?")


def copyright_line(text: str, ctx: Context) -> Claim | None:
    """Claim a copyright notice ("© 2019 The Company. All rights reserved.")."""
    if word_count(text) > 40:
        return None
    if _COPYRIGHT.search(text) or _OWNER.fullmatch(text.strip()):
        return Claim("copyright", "copyright")
    return None
