"""Pydantic models of the files cchc reads: plans and progress records."""
