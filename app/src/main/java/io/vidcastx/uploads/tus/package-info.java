@NullMarked
package io.vidcastx.uploads.tus;

import org.jspecify.annotations.NullMarked;
