"""Hostile content for the safety check: the corpus (html_cases.py) its unit and browser tests read."""
