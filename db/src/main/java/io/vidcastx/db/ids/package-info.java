@NullMarked
package io.vidcastx.db.ids;

import org.jspecify.annotations.NullMarked;
