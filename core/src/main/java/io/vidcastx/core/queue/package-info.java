@NullMarked
package io.vidcastx.core.queue;

import org.jspecify.annotations.NullMarked;
