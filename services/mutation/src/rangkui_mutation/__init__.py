"""The mutation (transfer) service of Rangkui Mutasi."""
