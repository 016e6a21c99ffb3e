@NullMarked
package io.vidcastx.launcher;

import org.jspecify.annotations.NullMarked;
