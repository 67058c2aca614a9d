"""Pure transfer domain: deciders, rules and candidate matching (no I/O)."""
