"""Command handlers, projections, reactions and the overdue scheduler."""
