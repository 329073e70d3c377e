"""Make untrusted text safe to show: no control or bidirectional characters.

Claim files and article texts come from outside. A stray ESC sequence could
recolour a terminal, and a right-to-left override (U+202E) can make a
report show text in a different order than it is stored ("Trojan Source").
Every reporter passes user text through :func:`escape`.
"""

from __future__ import annotations

import re

# C0 and C1 controls (but tab), DEL, and the Unicode bidi controls and marks.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """Replace each unsafe character with a visible escape such as ``\\u202e``."""
    return _UNSAFE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\n":
        return "\\n"
    if char == "\r":
        return "\\r"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
