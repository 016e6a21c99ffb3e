@NullMarked
package io.vidcastx.dubbing.ui;

import org.jspecify.annotations.NullMarked;
