"""Evaluation (monitoring) service: follows each transfer with checkpoints and SKP appraisals
and judges whether the transfer reached its goal."""
