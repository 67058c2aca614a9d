"""The personnel service: the province's system of record for units, posts (with their
formasi) and employees, and the source of the personnel events the other services read."""
