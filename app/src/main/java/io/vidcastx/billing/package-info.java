/**
 * Billing and usage: plans from configuration, usage per billing period against them, hard limits
 * that refuse new uploads, threshold warnings, and Stripe (customers, Checkout, the Billing Portal,
 * subscriptions, meter events, invoices and its webhook).
 */
@NullMarked
package io.vidcastx.billing;

import org.jspecify.annotations.NullMarked;
