/** {@code /video/v1/assets/{id}/distributions}: publishing through the API. */
@NullMarked
package io.vidcastx.distribution.api;

import org.jspecify.annotations.NullMarked;
