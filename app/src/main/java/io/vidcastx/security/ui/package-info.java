@NullMarked
package io.vidcastx.security.ui;

import org.jspecify.annotations.NullMarked;
