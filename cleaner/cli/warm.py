"""What a worker would do first, done once, before the workers are made.

Worker processes are forked from one server process (multiprocessing's
``forkserver``) that imports this module first.  Importing it cleans one short
text with the default chain, so the server holds what every first cleaning
builds: the compiled patterns, the language profiles, the word lists, the
block model.  Each worker then starts with them, at the cost of one fork, where
a freshly spawned interpreter would spend most of a second building its own;
and until a worker writes to them, those pages are shared with the server, not
copied.

Nothing here changes a result: these are caches of what a first cleaning
computes, and every one is computed from the package's own data.
"""

from __future__ import annotations

import gc

#: Text that goes through every step of the chain: a title, a byline, a date, prose, a typo, chrome.
TEXT = """Talks go on in Brussels

By Jane Doe

Updated: May 5, 2019 10:51 am

BRUSSELS, May 25 (Reuters) - Talks went on late into the night, officials said, and would recieve
a new proposal on Tuesday from the ministers who met in the city.

"We will keep channels open," the minister said, adding that the council would vote next week.

Share this article

More from World
"""


def warm() -> None:
    """Build what every rule compiles on first use (:func:`cleaner.strip.ask.prepare`), clean :data:`TEXT`
    with the default chain (and so build what a first cleaning builds), then freeze it.

    ``gc.freeze()`` moves every object made so far out of the collector's reach: a worker's
    collections then never write to the pages it shares with the server, which would copy them.
    """
    from cleaner.cli.work import pipeline_for
    from cleaner.config import Config
    from cleaner.strip.ask import prepare

    prepare()
    pipeline_for(Config()).clean(TEXT)
    gc.collect()
    gc.freeze()


warm()
