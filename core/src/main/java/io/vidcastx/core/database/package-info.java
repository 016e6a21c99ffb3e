@NullMarked
package io.vidcastx.core.database;

import org.jspecify.annotations.NullMarked;
