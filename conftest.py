"""Collection of the doctests in ``cleaner/``: a module for an extra that is not installed is left out."""

from __future__ import annotations

import importlib.util

collect_ignore = [] if importlib.util.find_spec("datatrove") else ["cleaner/adapters/datatrove.py"]
