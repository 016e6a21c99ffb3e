@NullMarked
package io.vidcastx.apikeys.ui;

import org.jspecify.annotations.NullMarked;
