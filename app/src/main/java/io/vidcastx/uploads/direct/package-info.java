@NullMarked
package io.vidcastx.uploads.direct;

import org.jspecify.annotations.NullMarked;
