@NullMarked
package io.vidcastx.base.ui;

import org.jspecify.annotations.NullMarked;
