@NullMarked
package io.vidcastx.core.events;

import org.jspecify.annotations.NullMarked;
