/** Settings › Integrations › YouTube and the video page's publish dialog. */
@NullMarked
package io.vidcastx.distribution.ui;

import org.jspecify.annotations.NullMarked;
