@NullMarked
package io.vidcastx.workers.ai;

import org.jspecify.annotations.NullMarked;
