"""cchc: CCHC plans as validated YAML data, and the periodic reports built from them."""

__version__ = "0.1.0"
