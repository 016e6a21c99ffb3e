@NullMarked
package io.vidcastx.uploads.api;

import org.jspecify.annotations.NullMarked;
