@NullMarked
package io.vidcastx.videos.api;

import org.jspecify.annotations.NullMarked;
