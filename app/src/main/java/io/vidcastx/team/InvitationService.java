package io.vidcastx.team;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.vidcastx.accounts.AccountDirectory;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.crypto.SecretTokens;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New people join by invitation: an Admin invites an e-mail address with a role, the link (mailed when
 * SMTP is configured, otherwise shown to the Admin) opens the accept page, which creates the account or
 * adds the signed-in account to the organization. Only a digest of the link's token is stored.
 */
@Service
public class InvitationService {

    private static final Logger log = LoggerFactory.getLogger(InvitationService.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final InvitationRepository invitations;
    private final AccountDirectory accounts;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> mailSenders;
    private final InvitationProperties properties;
    private final Clock clock;

    @Autowired
    InvitationService(InvitationRepository invitations, AccountDirectory accounts, PasswordEncoder passwords,
                      TransactionTemplate transactions, ObjectProvider<JavaMailSender> mailSenders,
                      InvitationProperties properties) {
        this(invitations, accounts, passwords, transactions, mailSenders, properties, Clock.systemUTC());
    }

    InvitationService(InvitationRepository invitations, AccountDirectory accounts, PasswordEncoder passwords,
                      TransactionTemplate transactions, ObjectProvider<JavaMailSender> mailSenders,
                      InvitationProperties properties, Clock clock) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.passwords = passwords;
        this.transactions = transactions;
        this.mailSenders = mailSenders;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of the e-mail for a new invitation. */
    public enum Delivery { NOT_CONFIGURED, SENT, FAILED }

    /**
     * @param link         the accept link; the only place its token exists
     * @param mailProblem  why the e-mail failed, when it did
     */
    public record CreatedInvitation(Invitation invitation, String link, Delivery delivery, @Nullable String mailProblem) {
    }

    /** The organization an accepted invitation joined. */
    public record Joined(OrganizationId organizationId, String organizationName) {
    }

    /** What the accept page shows before anyone commits to anything. */
    public record InvitationPreview(String organizationName, String email, Role role, OffsetDateTime expiresAt,
                                    boolean accountExists) {
    }

    /**
     * Invites {@code email} with {@code role}. An Admin invites; only an Owner invites Owners.
     *
     * @param baseUrl where the dashboard is reached, e.g. {@code https://video.example.com}
     * @throws IllegalArgumentException with a message for the form
     */
    public CreatedInvitation invite(Caller caller, String email, Role role, String baseUrl) {
        caller.require(Role.ADMIN, "invite members");
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw new AccessDeniedException("Only an owner may invite owners");
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new IllegalArgumentException("Enter a valid e-mail address");
        }
        String token = SecretTokens.random(32);
        var now = now();
        var expiresAt = now.plus(properties.expireAfter());
        var id = UUID.randomUUID();
        var inviter = caller.userId();
        var organization = transactions.execute(status -> {
            if (accounts.isMember(address, caller.organizationId())) {
                throw new IllegalArgumentException(address + " is already a member");
            }
            if (invitations.openInvitationExists(caller.organizationId(), address, now)) {
                throw new IllegalArgumentException(address + " already has an open invitation: withdraw it to send a new one");
            }
            invitations.insert(id, caller.organizationId(), address, role, SecretTokens.sha256Hex(token), inviter, expiresAt);
            return accounts.organization(caller.organizationId()).orElseThrow();
        });
        String inviterName = inviter == null ? organization.name() : accounts.members(caller.organizationId()).stream()
                .filter(m -> m.userId().equals(inviter)).map(io.vidcastx.accounts.Member::displayName).findFirst()
                .orElse(organization.name());
        String link = stripTrailingSlash(baseUrl) + "/invitation/" + token;
        var invitation = new Invitation(id, address, role, inviterName, now, expiresAt);
        var sender = mailSenders.getIfAvailable();
        if (sender == null) {
            return new CreatedInvitation(invitation, link, Delivery.NOT_CONFIGURED, null);
        }
        try {
            new InvitationMailer(sender, properties.mailFrom()).send(address, organization.name(), inviterName, link, expiresAt);
            return new CreatedInvitation(invitation, link, Delivery.SENT, null);
        } catch (MailException e) {
            // The invitation stands: the admin can still pass the link on by hand.
            log.warn("Could not e-mail the invitation for {}: {}", address, e.getMessage());
            return new CreatedInvitation(invitation, link, Delivery.FAILED, e.getMessage());
        }
    }

    public List<Invitation> pending(Caller caller) {
        return invitations.pending(caller.organizationId(), now());
    }

    public void withdraw(Caller caller, UUID invitationId) {
        caller.require(Role.ADMIN, "withdraw invitations");
        if (!invitations.revoke(caller.organizationId(), invitationId, now())) {
            throw new IllegalArgumentException("No such open invitation");
        }
    }

    /** @throws InvitationUnusableException when the link cannot be used, saying why */
    public InvitationPreview preview(String token) {
        return transactions.execute(status -> {
            var invitation = usable(token, false);
            return new InvitationPreview(invitation.organizationName(), invitation.email(), invitation.role(),
                    invitation.expiresAt(), accounts.userExists(invitation.email()));
        });
    }

    /**
     * Creates the invited person's account and membership.
     *
     * @return the new account's e-mail address, to sign in with
     * @throws IllegalArgumentException        for a name or password the form should point at
     * @throws InvitationUnusableException     when the link cannot be used
     */
    public String acceptWithNewAccount(String token, String displayName, String password) {
        String name = displayName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("Your name has 1 to 100 characters");
        }
        if (password.length() < 12 || password.length() > 200) {
            throw new IllegalArgumentException("Use a password of at least 12 characters");
        }
        String hash = passwords.encode(password);
        try {
            return createAccount(token, name, hash);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // Another invitation for the same address was accepted at the same moment.
            throw new InvitationUnusableException("An account for this address exists already: sign in with it, "
                    + "then open this link again");
        }
    }

    private String createAccount(String token, String name, String hash) {
        return transactions.execute(status -> {
            var invitation = usable(token, true);
            if (accounts.userExists(invitation.email())) {
                throw new InvitationUnusableException("An account for " + invitation.email()
                        + " exists already: sign in with it, then open this link again");
            }
            accounts.addUser(invitation.organizationId(), invitation.email(), name, hash, invitation.role());
            invitations.markAccepted(invitation.id(), now());
            return invitation.email();
        });
    }

    /**
     * Adds the signed-in account to the invitation's organization; it must be the invited address.
     *
     * @return the organization joined
     */
    public Joined acceptAsSignedIn(String token, String signedInEmail) {
        return transactions.execute(status -> {
            var invitation = usable(token, true);
            if (!invitation.email().equalsIgnoreCase(signedInEmail)) {
                throw new InvitationUnusableException("This invitation is for " + invitation.email()
                        + "; you are signed in as " + signedInEmail + ". Sign out and open the link again.");
            }
            var user = accounts.credentials(signedInEmail).orElseThrow();
            if (!accounts.isMember(signedInEmail, invitation.organizationId())) {
                accounts.addMembership(invitation.organizationId(), user.userId(), invitation.role());
            }
            invitations.markAccepted(invitation.id(), now());
            return new Joined(invitation.organizationId(), invitation.organizationName());
        });
    }

    private InvitationRepository.Stored usable(String token, boolean lock) {
        var invitation = invitations.findByTokenHash(SecretTokens.sha256Hex(token), lock)
                .orElseThrow(() -> new InvitationUnusableException(
                        "This invitation link is not valid. Check that you copied all of it, or ask for a new one."));
        if (invitation.acceptedAt() != null) {
            throw new InvitationUnusableException("This invitation has been used already: sign in instead.");
        }
        if (invitation.revokedAt() != null) {
            throw new InvitationUnusableException("This invitation was withdrawn. Ask an admin of "
                    + invitation.organizationName() + " for a new one.");
        }
        if (!invitation.expiresAt().isAfter(now())) {
            throw new InvitationUnusableException("This invitation expired. Ask an admin of "
                    + invitation.organizationName() + " for a new one.");
        }
        return invitation;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
