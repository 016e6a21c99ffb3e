@NullMarked
package io.vidcastx.developers.ui;

import org.jspecify.annotations.NullMarked;
