@NullMarked
package io.vidcastx.core.storage;

import org.jspecify.annotations.NullMarked;
