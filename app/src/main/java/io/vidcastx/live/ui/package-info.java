@NullMarked
package io.vidcastx.live.ui;

import org.jspecify.annotations.NullMarked;
