"""cchc: CCHC plans as validated YAML data, and the periodic reports built from them."""

__version__ = "0.1.0"

# The version of the plan and progress file formats (their JSON Schemas), raised when a
# file valid before is no longer valid.
PLAN_SCHEMA_VERSION = 1
