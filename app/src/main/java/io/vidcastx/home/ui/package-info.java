@NullMarked
package io.vidcastx.home.ui;

import org.jspecify.annotations.NullMarked;
