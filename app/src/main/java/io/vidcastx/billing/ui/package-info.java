@NullMarked
package io.vidcastx.billing.ui;

import org.jspecify.annotations.NullMarked;
