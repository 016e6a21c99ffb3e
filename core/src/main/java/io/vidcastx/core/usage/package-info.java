/** Metered usage (encoding, live, storage, delivery and AI minutes) that every process records. */
@NullMarked
package io.vidcastx.core.usage;

import org.jspecify.annotations.NullMarked;
