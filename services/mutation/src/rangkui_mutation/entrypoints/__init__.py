"""HTTP routes and the command line."""
