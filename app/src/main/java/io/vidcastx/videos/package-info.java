@NullMarked
package io.vidcastx.videos;

import org.jspecify.annotations.NullMarked;
