"""Web pages from bytes, decoded as browsers decode them.

The order: a byte-order mark; then strict UTF-8 (a page that is valid UTF-8
is UTF-8 whatever it declares: pages often declare ISO-8859-1 and are not);
then the charset declared by the HTTP header, a ``<meta>`` tag or an XML
declaration; then detection (charset-normalizer).  As in browsers
(WHATWG Encoding), a page declared ``ISO-8859-1``, ``latin1`` or ``ascii`` is
read as ``windows-1252``, whose curly quotes and dashes sit where ISO-8859-1
has control codes.

>>> decode_html("Café".encode("utf-8"))
'Café'
>>> decode_html(b'<meta charset="windows-1252"><p>\\x93Hi\\x94 \\x96 caf\\xe9</p>')
'<meta charset="windows-1252"><p>“Hi” – café</p>'
>>> decode_html(b"<p>caf\\xe9</p>", http_charset="iso-8859-1")
'<p>café</p>'
"""

from __future__ import annotations

import codecs
import re

#: Labels that browsers read as another encoding (WHATWG Encoding Standard).
BROWSER_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: How far into a page a ``<meta charset>`` is looked for (browsers look at the first 1024 bytes; pages are sloppier).
SNIFF_BYTES = 8192
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def codec_for(label: str | None) -> str | None:
    """The Python codec that a charset label names, as a browser reads it (``None`` if unknown).

    >>> codec_for("ISO-8859-1"), codec_for("utf8"), codec_for("Shift_JIS"), codec_for("no-such-thing")
    ('cp1252', 'utf-8', 'shift_jis', None)
    """
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = BROWSER_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_from_header(content_type: str | None) -> str | None:
    """The charset named by an HTTP ``Content-Type`` header.

    >>> charset_from_header("text/html; charset=ISO-8859-1"), charset_from_header("text/html")
    ('ISO-8859-1', None)
    """
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes: XML declaration, then ``<meta>``.

    >>> declared_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?><html>')
    'ISO-8859-2'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    'koi8-r'
    """
    head = data[:SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes | str, http_charset: str | None = None) -> str:
    """The text of a page given as bytes (a ``str`` is returned as it is); never raises."""
    if isinstance(data, str):
        return data
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    labels = (http_charset, declared_charset(data))
    if any(codec_for(label) == "utf-8" for label in labels) and (mostly := mostly_utf8(data)) is not None:
        return mostly
    for label in labels:
        declared = codec_for(label)
        if declared is not None and declared not in ("utf-8", "utf-16", "utf-32"):
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                continue
    return data.decode(detect(data), errors="replace")


#: Encodings detection may not guess: without a byte-order mark, UTF-16 and UTF-32 are taken for
#: binary (random bytes read as UTF-16 look like CJK text, and real UTF-16 files carry a mark).
NO_GUESS = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]


#: A page declared UTF-8 is read as UTF-8 when it holds at least this many valid non-ASCII characters per bad byte.
UTF8_EVIDENCE = 10


def mostly_utf8(data: bytes) -> str | None:
    """``data`` read as UTF-8, a few bad bytes replaced, when the rest is clearly UTF-8 (``None`` otherwise).

    A page written in UTF-8 with a stray byte from elsewhere keeps its UTF-8;
    a page in another code page that says it is UTF-8 has no valid UTF-8
    sequences beside its bad bytes.

    >>> mostly_utf8(("Café " * 20).encode() + b"caf\\xe9")[-4:]
    'caf\\ufffd'
    >>> mostly_utf8("Café".encode("cp1252")) is None
    True
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return text if good >= UTF8_EVIDENCE * max(1, bad) else None


def guess_encoding(data: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8: ``cp1252`` for Western text it fits, else charset-normalizer's guess.

    Many single-byte code pages read Western text alike, and detection cannot
    tell them apart (it may name ``mac_latin2`` for plain French).  So when
    the bytes read in ``windows-1252`` as Western European text
    (:func:`reads_as_western`) and that reading is as clean as the best guess,
    ``windows-1252``, by far the most common on the web, is taken.  Otherwise
    detection decides.  ``None`` when nothing fits (UTF-8 and ASCII are not
    guesses: bytes that would be UTF-8 are read as such before detection).

    >>> guess_encoding("<p>Le ministre a déclaré que les négociations iraient « jusqu’à ce qu’un accord soit trouvé ».</p>".encode("cp1252"))
    'cp1252'
    >>> guess_encoding("Zażółć gęślą jaźń, powiedział minister w środę. Łódź i Kraków są piękne.".encode("cp1250"))
    'cp1250'
    >>> guess_encoding("Hükümet çarşamba günü gelecek yılın bütçe taslağını onayladı, dedi bakan.".encode("cp1254"))
    'cp1254'
    """
    from charset_normalizer import from_bytes

    sample = data[:1_000_000]
    matches = list(from_bytes(sample, cp_exclusion=NO_GUESS))
    best = matches[0] if matches else None
    if reads_as_western(sample):
        western = next((m for m in matches if m.encoding == "cp1252"), None)
        if western is None:
            western = next(iter(from_bytes(sample, cp_isolation=["cp1252"])), None)
        if western is not None and (best is None or western.chaos <= best.chaos + 0.01):
            return "cp1252"
    if best is None or best.encoding in ("ascii", "utf_8"):
        return None
    return codec_for(best.encoding) or best.encoding


#: What Western European text in windows-1252 holds beyond ASCII: letters, typographic punctuation, a few signs.
#: (Not ``Ð ð Ý ý Þ þ``: Turkish in windows-1254 and Czech in windows-1250 read as them in windows-1252.)
_WESTERN = re.compile(
    r"[\x00-\x7fÀ-ÏÑ-ÖØ-ÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿŠšŽžŒœŸƒ\u00a0‘’‚“”„–—…«»‹›°€£¥¢§©®™±·•×÷¡¿ªº†‡‰]*"
)


def reads_as_western(data: bytes) -> bool:
    """True when bytes read in windows-1252 as Western European text: accents in mostly-ASCII words.

    Detection cannot judge a short text (``café`` is also valid Arabic, Greek
    or Chinese in some code page); this is the reading browsers default to.
    Text whose letters are mostly outside ASCII (Cyrillic, Greek, CJK read as
    accented letters) or that holds other signs (``¹``, ``³``: Polish in
    windows-1250; ``ý``, ``þ``: Turkish in windows-1254) does not qualify.

    >>> reads_as_western("Ça va très bien, merci.".encode("cp1252")), reads_as_western("Привет".encode("cp1251"))
    (True, False)
    >>> reads_as_western("Łódź, Zażółć gęślą".encode("cp1250"))
    False
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    if not _WESTERN.fullmatch(text):
        return False
    letters = sum(c.isalpha() for c in text)
    accented = sum(c.isalpha() and ord(c) > 127 for c in text)
    return letters > 0 and accented <= 0.3 * letters


def detect(data: bytes) -> str:
    """The encoding of a page that declares none that fits: :func:`guess_encoding`, else ``cp1252``.

    >>> detect(b"caf\\xe9 cr\\xe8me"), detect(b"")
    ('cp1252', 'cp1252')
    """
    return guess_encoding(data) or "cp1252"
