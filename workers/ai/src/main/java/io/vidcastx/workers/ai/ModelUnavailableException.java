package io.vidcastx.workers.ai;

import io.vidcastx.core.queue.PermanentJobFailure;

/** The speech model cannot be used; the message says which file to get and where to put it. */
class ModelUnavailableException extends PermanentJobFailure {

    ModelUnavailableException(String message) {
        super(message);
    }
}
