/** Transcripts and captions of videos: reading, editing, uploading, requesting, searching. */
@NullMarked
package io.vidcastx.transcripts;

import org.jspecify.annotations.NullMarked;
