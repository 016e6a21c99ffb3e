package io.vidcastx.transcripts;

import java.util.List;

import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.StoredTranscript;

/** A transcript with its cues, in order. */
public record Transcript(StoredTranscript meta, List<Cue> cues) {
}
