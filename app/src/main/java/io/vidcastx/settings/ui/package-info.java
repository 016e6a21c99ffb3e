@NullMarked
package io.vidcastx.settings.ui;

import org.jspecify.annotations.NullMarked;
