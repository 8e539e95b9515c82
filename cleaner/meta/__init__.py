"""Metadata: dates, language, and resolving facts into one dict."""
