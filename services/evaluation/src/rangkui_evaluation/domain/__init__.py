"""Pure domain of monitoring and evaluation: no I/O, no framework."""
