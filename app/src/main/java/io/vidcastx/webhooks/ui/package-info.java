@NullMarked
package io.vidcastx.webhooks.ui;

import org.jspecify.annotations.NullMarked;
