@NullMarked
package io.vidcastx.workers.live;

import org.jspecify.annotations.NullMarked;
