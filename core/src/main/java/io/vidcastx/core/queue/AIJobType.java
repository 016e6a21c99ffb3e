package io.vidcastx.core.queue;

/** What the AI worker is asked to do. */
public enum AIJobType {
    TRANSCRIBE,
    DUB
}
