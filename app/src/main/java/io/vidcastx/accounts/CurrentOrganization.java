package io.vidcastx.accounts;

import java.util.Optional;

import io.vidcastx.db.ids.OrganizationId;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The organization a dashboard session works in, kept in the HTTP session: the switcher sets it, and
 * every query of that session is scoped to it (membership is checked on each use).
 */
public final class CurrentOrganization {

    static final String ATTRIBUTE = "vidcastx.organization";

    private CurrentOrganization() {
    }

    public static Optional<OrganizationId> get() {
        return session().map(s -> s.getAttribute(ATTRIBUTE)).filter(OrganizationId.class::isInstance)
                .map(OrganizationId.class::cast);
    }

    public static void set(OrganizationId organizationId) {
        session().ifPresent(s -> s.setAttribute(ATTRIBUTE, organizationId));
    }

    private static Optional<HttpSession> session() {
        var vaadin = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (vaadin != null) {
            return Optional.of(vaadin.getHttpServletRequest().getSession());
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
            return Optional.ofNullable(servlet.getRequest().getSession(false));
        }
        return Optional.empty();
    }
}
