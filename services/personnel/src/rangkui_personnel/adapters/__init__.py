"""Adapters: read-model queries (SQL) the HTTP API answers from."""
