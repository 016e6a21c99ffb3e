@NullMarked
package io.vidcastx.api;

import org.jspecify.annotations.NullMarked;
