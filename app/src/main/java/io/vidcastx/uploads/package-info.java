@NullMarked
package io.vidcastx.uploads;

import org.jspecify.annotations.NullMarked;
