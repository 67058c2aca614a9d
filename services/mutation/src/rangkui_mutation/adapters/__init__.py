"""PostgreSQL queries: read models for HTTP and write-side facts for the rules."""
