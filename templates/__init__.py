"""Report templates shipped with cchc (the top-level templates/ folder)."""
