@NullMarked
package io.vidcastx.core.crypto;

import org.jspecify.annotations.NullMarked;
