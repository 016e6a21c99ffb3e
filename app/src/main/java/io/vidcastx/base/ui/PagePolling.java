package io.vidcastx.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;

/**
 * Makes the page poll the server while some work a component shows is running (a transcription, a
 * dub), so its progress appears without a reload. Several components of one page may follow work at
 * once: the page keeps polling until the last of them stops.
 */
public final class PagePolling {

    private static final String USERS = PagePolling.class.getName() + ".users";

    private final Component owner;
    private final int millis;
    private final Runnable refresh;
    private @Nullable Registration listener;

    public PagePolling(Component owner, int millis, Runnable refresh) {
        this.owner = owner;
        this.millis = millis;
        this.refresh = refresh;
    }

    /** Starts polling when {@code running} and not yet polling; stops when the work has ended. */
    public void follow(boolean running) {
        owner.getUI().ifPresent(ui -> {
            if (running && listener == null) {
                users(ui, 1);
                ui.setPollInterval(millis);
                listener = ui.addPollListener(poll -> refresh.run());
            } else if (!running) {
                stop(ui);
            }
        });
    }

    /** Stops this component's polling (call from {@code onDetach}). */
    public void stop(UI ui) {
        if (listener != null) {
            listener.remove();
            listener = null;
            if (users(ui, -1) == 0) {
                ui.setPollInterval(-1);
            }
        }
    }

    private static int users(UI ui, int change) {
        Object current = ComponentUtil.getData(ui, USERS);
        int next = Math.max(0, (current instanceof Integer n ? n : 0) + change);
        ComponentUtil.setData(ui, USERS, next);
        return next;
    }
}
