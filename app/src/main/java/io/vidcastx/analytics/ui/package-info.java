@NullMarked
package io.vidcastx.analytics.ui;

import org.jspecify.annotations.NullMarked;
