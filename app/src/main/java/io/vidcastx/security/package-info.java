@NullMarked
package io.vidcastx.security;

import org.jspecify.annotations.NullMarked;
