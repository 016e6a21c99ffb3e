package io.vidcastx.workers.transcode;

import io.vidcastx.core.queue.PermanentJobFailure;

/** The upload cannot become a video, whatever we retry: the message tells the person why. */
class InputRejectedException extends PermanentJobFailure {

    InputRejectedException(String message) {
        super(message);
    }
}
