"""Read-model queries (PostgreSQL) used by HTTP and the scheduler."""
