/** The publisher worker: uploads distributions to YouTube resumably from the {@code publish} queue (ADR 0020). */
@NullMarked
package io.vidcastx.workers.publisher;

import org.jspecify.annotations.NullMarked;
