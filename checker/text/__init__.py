"""Reading claims against their stored article texts: quotes, numbers, dates, words.

One module per job: :mod:`~checker.text.normalise` (the normal form quotes
are compared in, with offsets back to the original), :mod:`~checker.text.quotes`
(finding a quote; reading a text value or a name in it),
:mod:`~checker.text.numbers` and :mod:`~checker.text.dates` (what a passage
states), :mod:`~checker.text.sources` (each stored article read once per run).
Every span these modules return is in ORIGINAL text offsets.
"""
