"""service_layer of the notification service."""
