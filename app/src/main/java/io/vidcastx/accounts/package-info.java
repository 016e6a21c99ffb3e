@NullMarked
package io.vidcastx.accounts;

import org.jspecify.annotations.NullMarked;
