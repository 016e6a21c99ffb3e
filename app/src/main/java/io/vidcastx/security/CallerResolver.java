package io.vidcastx.security;

import java.util.Optional;

import io.vidcastx.accounts.AccountService;
import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.OrganizationId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** Turns the current authentication (API key or dashboard session) into a {@link Caller}. */
@Component
public class CallerResolver {

    private final AccountService accounts;
    private final SecurityContextHolderStrategy contexts;

    CallerResolver(AccountService accounts, ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.accounts = accounts;
        // Vaadin installs its own strategy as a bean; several app contexts in one JVM (tests) each have one.
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /**
     * The caller of a dashboard page or action. Pages call it at each action rather than keeping the
     * result, so a role changed or taken away since the page opened counts at once.
     *
     * @throws IllegalStateException outside a signed-in request with an organization
     */
    public Caller signedIn() {
        return current().orElseThrow(() -> new IllegalStateException("Signed in without an organization"));
    }

    /**
     * The caller, still signed in to the organization a page or dialog was opened for. Without this a
     * member removed meanwhile would act in (or read from) whichever organization the session falls back to.
     *
     * @throws AccessDeniedException when they are no longer a member of it
     */
    public Caller signedInTo(OrganizationId organization) {
        return within(organization).orElseThrow(() -> new AccessDeniedException(
                "You are no longer a member of this organization"));
    }

    /**
     * The caller with their role in {@code organization}, while still a member of it; empty once removed
     * from it or signed out. Unlike {@link #current()} it does not depend on the session's chosen
     * organization, so it also answers in a push from another thread ({@code ui.access}).
     */
    public Optional<Caller> within(OrganizationId organization) {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof UserDetails user) {
            return accounts.organizations(user.getUsername()).stream()
                    .filter(account -> account.organizationId().equals(organization)).findFirst()
                    .map(account -> new Caller(account.organizationId(), account.userId(), null, account.role()));
        }
        return current().filter(caller -> caller.organizationId().equals(organization));
    }

    public Optional<Caller> current() {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof ApiKeyAuthentication key) {
            return Optional.of(new Caller(key.owner().organizationId(), null, key.owner().id(), key.owner().role()));
        }
        if (authentication.getPrincipal() instanceof UserDetails user) {
            return accounts.account(user.getUsername())
                    .map(account -> new Caller(account.organizationId(), account.userId(), null, account.role()));
        }
        return Optional.empty();
    }
}
