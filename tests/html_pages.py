"""Web pages written for the tests (their own words, no benchmark lines)."""

from __future__ import annotations

PARAGRAPHS = (
    "The city council voted on Tuesday to keep the old library open for another five years, after a long debate.",
    "Members said the building still served thousands of readers every month and that closing it would cost more.",
    "A plan to move the collection to the new civic centre will be looked at again when the lease runs out.",
    "Residents who had campaigned for the library welcomed the vote and said they would keep raising money for repairs.",
)


def page(
    title: str = "Council keeps the old library open",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    author: str = "Jane Doe",
    charset: str = "utf-8",
    extra_body: str = "",
) -> str:
    """A news page: head metadata, a menu, the article, a related-links aside and a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{title} | The Daily Example</title>
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="2021-03-09T10:15:00+01:00">
<meta property="og:site_name" content="The Daily Example">
<meta name="description" content="The council voted to keep the library open.">
</head><body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/local">Local news and events</a></li></ul></nav>
<article><h1>{title}</h1>
<div class="byline">By {author}</div>
{body}
{extra_body}
<aside class="related-stories"><h3>More stories you may like</h3><ul>
<li><a href="/a">Parking fees go up again in the town centre next month</a></li>
<li><a href="/b">New cycle lanes open along the river after two years of work</a></li></ul></aside>
</article>
<footer><p>Copyright 2021 The Daily Example. All rights reserved.</p></footer>
</body></html>"""
