@NullMarked
package io.vidcastx.core.config;

import org.jspecify.annotations.NullMarked;
