/** Publishing videos to other platforms: connecting YouTube (OAuth 2.0) and queuing uploads (ADR 0020). */
@NullMarked
package io.vidcastx.distribution;

import org.jspecify.annotations.NullMarked;
