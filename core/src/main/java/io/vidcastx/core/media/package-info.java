@NullMarked
package io.vidcastx.core.media;

import org.jspecify.annotations.NullMarked;
