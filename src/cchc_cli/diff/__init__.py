"""Comparing two plans: matching, changes, outputs."""
