/**
 * Webhook fan-out: turns a recorded event into one delivery per enabled, subscribed endpoint, in the
 * event's own transaction, so that every process that records events (the app, the transcode worker)
 * creates deliveries the same way. Delivering them is the app's {@code webhooks} package.
 */
@NullMarked
package io.vidcastx.core.webhooks;

import org.jspecify.annotations.NullMarked;
