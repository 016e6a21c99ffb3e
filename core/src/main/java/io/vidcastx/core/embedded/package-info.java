@NullMarked
package io.vidcastx.core.embedded;

import org.jspecify.annotations.NullMarked;
