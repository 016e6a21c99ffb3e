@NullMarked
package io.vidcastx.workers.transcode;

import org.jspecify.annotations.NullMarked;
