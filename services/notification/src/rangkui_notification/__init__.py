"""Notification service of Rangkui Mutasi: tells people what was decided about them."""
