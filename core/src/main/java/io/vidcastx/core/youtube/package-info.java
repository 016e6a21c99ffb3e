/**
 * YouTube distribution shared by the app (connect, publish dialog, API) and the publisher worker:
 * Google's endpoints, sealed OAuth tokens with refresh, and the distributions table (ADR 0020).
 */
@NullMarked
package io.vidcastx.core.youtube;

import org.jspecify.annotations.NullMarked;
