"""The province's view of its units: who is ready before the deadline (status), and the
consolidated figures (rollup). Units are plans in a folder, with their progress files."""
