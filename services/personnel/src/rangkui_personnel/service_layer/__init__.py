"""Command handlers, projections and reactions: the impure shell around the deciders."""
