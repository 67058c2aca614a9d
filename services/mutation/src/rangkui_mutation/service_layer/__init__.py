"""Command handlers, projections, reactions and the effective-date scheduler."""
