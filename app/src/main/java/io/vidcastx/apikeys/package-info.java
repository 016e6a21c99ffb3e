@NullMarked
package io.vidcastx.apikeys;

import org.jspecify.annotations.NullMarked;
