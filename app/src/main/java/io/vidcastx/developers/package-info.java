@NullMarked
package io.vidcastx.developers;

import org.jspecify.annotations.NullMarked;
