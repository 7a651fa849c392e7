"""Building the periodic CCHC report: context, rendering, documents."""
