"""Adapters: the cleaner as a step of other engines (``cleaner.adapters.datatrove``, ``pip install 'cleaner-news[datatrove]'``)."""
