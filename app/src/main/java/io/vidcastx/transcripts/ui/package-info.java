/** The transcript editor on the video page and transcript search. */
@NullMarked
package io.vidcastx.transcripts.ui;

import org.jspecify.annotations.NullMarked;
