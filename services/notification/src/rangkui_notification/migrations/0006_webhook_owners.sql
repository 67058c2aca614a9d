-- Who created each webhook subscription (`WebhookSubscribed.subscribed_by`): an integration
-- client sees and ends only its own. Filled by the projection; a rebuild fills old rows.
ALTER TABLE webhook_subscriptions ADD COLUMN IF NOT EXISTS subscribed_by text;
CREATE INDEX IF NOT EXISTS webhook_subscriptions_owner ON webhook_subscriptions (subscribed_by);
