@NullMarked
package io.vidcastx.bootstrap;

import org.jspecify.annotations.NullMarked;
