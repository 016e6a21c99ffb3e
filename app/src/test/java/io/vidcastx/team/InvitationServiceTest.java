package io.vidcastx.team;

import static io.vidcastx.db.jooq.Tables.INVITATIONS;
import static io.vidcastx.db.jooq.Tables.MEMBERSHIPS;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.AccountDirectory;
import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.security.Caller;
import io.vidcastx.testing.SmtpReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

class InvitationServiceTest extends AppTestSupport {

    private static final String BASE = "https://video.example.com";

    @Autowired
    InvitationService invitations;
    @Autowired
    InvitationRepository repository;
    @Autowired
    AccountDirectory directory;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    InvitationProperties properties;

    private Caller owner;

    @BeforeEach
    void owner() {
        ensureOwner();
        var row = dsl.select(MEMBERSHIPS.ORGANIZATION_ID, MEMBERSHIPS.USER_ID).from(MEMBERSHIPS).join(USERS)
                .on(USERS.USER_ID.eq(MEMBERSHIPS.USER_ID)).where(USERS.EMAIL.eq(OWNER_EMAIL))
                .orderBy(MEMBERSHIPS.CREATED_AT).limit(1).fetchSingle();
        owner = new Caller(row.value1(), row.value2(), null, Role.OWNER);
        dsl.deleteFrom(INVITATIONS).execute();
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private String unique(String name) {
        return name + System.nanoTime() % 1_000_000 + "@example.com";
    }

    @Test
    void a_new_person_accepts_a_link_and_becomes_a_member_with_the_invited_role() {
        String email = unique("newcomer");
        var created = invitations.invite(owner, email.toUpperCase(), Role.MEMBER, BASE + "/");

        assertThat(created.link()).startsWith(BASE + "/invitation/");
        assertThat(created.delivery()).isEqualTo(InvitationService.Delivery.NOT_CONFIGURED);
        assertThat(invitations.pending(owner)).extracting(Invitation::email).contains(email);
        String token = token(created.link());
        // Only a digest of the token is stored.
        assertThat(dsl.fetchExists(INVITATIONS, INVITATIONS.TOKEN_HASH.eq(token))).isFalse();
        var preview = invitations.preview(token);
        assertThat(preview.organizationName()).isEqualTo("Acme Films");
        assertThat(preview.accountExists()).isFalse();

        assertThat(invitations.acceptWithNewAccount(token, "New Person", "a long enough password")).isEqualTo(email);

        var member = directory.accounts(email);
        assertThat(member).singleElement().satisfies(account -> {
            assertThat(account.organizationId()).isEqualTo(owner.organizationId());
            assertThat(account.role()).isEqualTo(Role.MEMBER);
        });
        assertThat(dsl.select(USERS.PASSWORD_HASH).from(USERS).where(USERS.EMAIL.eq(email)).fetchSingle().value1())
                .doesNotContain("a long enough password").startsWith("{bcrypt}");
        assertThat(invitations.pending(owner)).extracting(Invitation::email).doesNotContain(email);
        assertThatThrownBy(() -> invitations.acceptWithNewAccount(token, "Again", "a long enough password"))
                .isInstanceOf(InvitationUnusableException.class).hasMessageContaining("used already");
    }

    @Test
    void unusable_links_say_why() {
        assertThatThrownBy(() -> invitations.preview("not-a-token"))
                .isInstanceOf(InvitationUnusableException.class).hasMessageContaining("not valid");

        var withdrawn = invitations.invite(owner, unique("withdrawn"), Role.VIEWER, BASE);
        invitations.withdraw(owner, withdrawn.invitation().id());
        assertThatThrownBy(() -> invitations.preview(token(withdrawn.link())))
                .isInstanceOf(InvitationUnusableException.class).hasMessageContaining("withdrawn");

        var later = new InvitationService(repository, directory, passwords, transactions, noMail(), properties,
                Clock.fixed(Instant.now().plus(Duration.ofDays(8)), ZoneOffset.UTC));
        var expiring = invitations.invite(owner, unique("slow"), Role.VIEWER, BASE);
        assertThatThrownBy(() -> later.acceptWithNewAccount(token(expiring.link()), "Slow", "a long enough password"))
                .isInstanceOf(InvitationUnusableException.class).hasMessageContaining("expired");
        assertThat(dsl.fetchExists(USERS, USERS.EMAIL.eq(expiring.invitation().email()))).isFalse();
    }

    @Test
    void the_form_errors_and_duplicates_are_refused_before_anything_is_stored() {
        assertThatThrownBy(() -> invitations.invite(owner, "not an address", Role.MEMBER, BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valid e-mail");
        assertThatThrownBy(() -> invitations.invite(owner, OWNER_EMAIL, Role.MEMBER, BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already a member");
        String email = unique("twice");
        var first = invitations.invite(owner, email, Role.MEMBER, BASE);
        assertThatThrownBy(() -> invitations.invite(owner, email, Role.MEMBER, BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open invitation");
        assertThatThrownBy(() -> invitations.acceptWithNewAccount(token(first.link()), "Short", "too short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 characters");
        assertThat(dsl.fetchExists(USERS, USERS.EMAIL.eq(email))).isFalse();
    }

    @Test
    void only_admins_invite_and_only_owners_invite_owners() {
        var viewer = new Caller(owner.organizationId(), null, null, Role.VIEWER);
        var member = new Caller(owner.organizationId(), null, null, Role.MEMBER);
        var admin = new Caller(owner.organizationId(), null, null, Role.ADMIN);
        assertThatThrownBy(() -> invitations.invite(viewer, unique("v"), Role.VIEWER, BASE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.invite(member, unique("m"), Role.VIEWER, BASE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.invite(admin, unique("o"), Role.OWNER, BASE)).isInstanceOf(AccessDeniedException.class);
        var created = invitations.invite(admin, unique("a"), Role.ADMIN, BASE);
        assertThatThrownBy(() -> invitations.withdraw(member, created.invitation().id())).isInstanceOf(AccessDeniedException.class);
        // Another organization's admin neither sees nor withdraws it.
        var stranger = new Caller(OrganizationId.random(), null, null, Role.ADMIN);
        assertThat(invitations.pending(stranger)).isEmpty();
        assertThatThrownBy(() -> invitations.withdraw(stranger, created.invitation().id())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void someone_with_an_account_joins_while_signed_in_as_the_invited_address() {
        var other = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, other).set(ORGANIZATIONS.NAME, "Partner Studio")
                .set(ORGANIZATIONS.SLUG, "partner-" + System.nanoTime() % 1_000_000).execute();
        var partnerOwner = new Caller(other, null, null, Role.OWNER);
        var created = invitations.invite(partnerOwner, OWNER_EMAIL, Role.ADMIN, BASE);
        String token = token(created.link());
        assertThat(invitations.preview(token).accountExists()).isTrue();
        assertThatThrownBy(() -> invitations.acceptWithNewAccount(token, "Impostor", "a long enough password"))
                .isInstanceOf(InvitationUnusableException.class).hasMessageContaining("sign in");
        assertThatThrownBy(() -> invitations.acceptAsSignedIn(token, "someone.else@example.com"))
                .isInstanceOf(InvitationUnusableException.class).hasMessageContaining("signed in as");

        var joined = invitations.acceptAsSignedIn(token, OWNER_EMAIL);

        assertThat(joined.organizationId()).isEqualTo(other);
        assertThat(directory.accounts(OWNER_EMAIL)).anySatisfy(account -> {
            assertThat(account.organizationId()).isEqualTo(other);
            assertThat(account.role()).isEqualTo(Role.ADMIN);
        });
        dsl.deleteFrom(ORGANIZATIONS).where(ORGANIZATIONS.ORGANIZATION_ID.eq(other)).execute();
    }

    @Test
    void with_smtp_configured_the_link_is_mailed_and_a_mail_failure_keeps_the_invitation() throws Exception {
        try (var smtp = new SmtpReceiver()) {
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.port());
            var mailing = new InvitationService(repository, directory, passwords, transactions, mail(sender),
                    properties, Clock.systemUTC());
            String email = unique("mailed");

            var created = mailing.invite(owner, email, Role.MEMBER, BASE);

            assertThat(created.delivery()).isEqualTo(InvitationService.Delivery.SENT);
            assertThat(smtp.messages()).singleElement().satisfies(message -> {
                assertThat(message.recipients()).containsExactly(email);
                assertThat(message.data()).contains("Subject: Ada Owner invited you to Acme Films on Vidcastx")
                        .contains(created.link());
            });
        }
        var unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(1);
        var failing = new InvitationService(repository, directory, passwords, transactions, mail(unreachable),
                properties, Clock.systemUTC());
        String email = unique("unmailed");
        var created = failing.invite(owner, email, Role.MEMBER, BASE);
        assertThat(created.delivery()).isEqualTo(InvitationService.Delivery.FAILED);
        assertThat(created.mailProblem()).isNotBlank();
        assertThat(invitations.preview(token(created.link())).email()).isEqualTo(email);
    }

    private static ObjectProvider<JavaMailSender> mail(JavaMailSender sender) {
        return new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
    }

    private static ObjectProvider<JavaMailSender> noMail() {
        return new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
    }
}
