/**
 * Webhooks: endpoints and their event subscriptions, signed deliveries on the {@code webhooks} queue
 * with the Standard Webhooks retry schedule, the SSRF guard, and the delivery log. Deliveries are
 * created by core's WebhookFanOut when an event is recorded; this package sends them.
 */
@NullMarked
package io.vidcastx.webhooks;

import org.jspecify.annotations.NullMarked;
