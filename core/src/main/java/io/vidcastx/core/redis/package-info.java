@NullMarked
package io.vidcastx.core.redis;

import org.jspecify.annotations.NullMarked;
