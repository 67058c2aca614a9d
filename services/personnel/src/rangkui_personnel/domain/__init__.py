"""Pure domain of personnel: deciders for units, posts and employees, NIP and grade rules.

Nothing here does I/O or imports a framework; the service layer loads streams, hands the
facts to `decide` and appends what it returns.
"""
