"""Steps and classifiers that label site chrome (bylines, captions, related links, …)."""
