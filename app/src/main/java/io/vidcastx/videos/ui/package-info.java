@NullMarked
package io.vidcastx.videos.ui;

import org.jspecify.annotations.NullMarked;
