package io.vidcastx.bootstrap;

import org.springframework.stereotype.Component;

/** Whether the environment bootstrap has finished; readiness waits for it. */
@Component
public class BootstrapStatus {

    private volatile boolean finished;

    public boolean isFinished() {
        return finished;
    }

    void finish() {
        finished = true;
    }
}
