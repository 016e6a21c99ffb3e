/** Usage over the API ({@code /system/v1/usage}) and Stripe's webhook. */
@NullMarked
package io.vidcastx.billing.api;

import org.jspecify.annotations.NullMarked;
