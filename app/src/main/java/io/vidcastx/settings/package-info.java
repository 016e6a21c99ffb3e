@NullMarked
package io.vidcastx.settings;

import org.jspecify.annotations.NullMarked;
