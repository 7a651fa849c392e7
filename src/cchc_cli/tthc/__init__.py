"""The one-stop system's TTHC statistics (Biểu số 06/VPCP/KSTT) read into plan figures.

``columns`` is the table's vocabulary and ``numbers`` reads a count; ``layout``,
``title`` and ``table`` find the table in a sheet and read it into ``result`` values;
``equations`` checks it; ``spec`` and ``feeds`` take the plan's mapping and turn the
totals into indicator counts (``plan_check`` checks that mapping with the plan);
``importer`` runs it all; ``merge`` writes the counts into a quarter's progress file,
editing only the values concerned. Codes E5xx/W5xx are listed in ``codes``.
"""
