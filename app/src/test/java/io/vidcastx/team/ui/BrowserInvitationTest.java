package io.vidcastx.team.ui;

import static io.vidcastx.db.jooq.Tables.INVITATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.security.Caller;
import io.vidcastx.team.InvitationService;
import io.vidcastx.testing.NodeScripts;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Invitations in a real browser: invite, accept with a new account, and join after signing in. */
class BrowserInvitationTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    InvitationService invitations;

    @Test
    void invitations_work_end_to_end_in_chromium() throws Exception {
        NodeScripts.assumeChromium();
        resetAccounts();
        ensureOwner();
        dsl.deleteFrom(INVITATIONS).execute();
        var partner = TestData.organization(dsl, "Partner Studio");
        var join = invitations.invite(new Caller(partner, null, null, Role.OWNER), OWNER_EMAIL, Role.ADMIN,
                "http://localhost:" + port);
        String joinToken = join.link().substring(join.link().lastIndexOf('/') + 1);
        String invitee = "ivy" + System.nanoTime() % 1_000_000 + "@example.com";
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));

        var result = NodeScripts.run("browser-invitation.cjs", List.of("http://localhost:" + port, OWNER_EMAIL,
                OWNER_PASSWORD, invitee, joinToken, shots.toString()), 240);

        assertThat(result.exitCode()).as(result.stderr() + result.stdout()).isZero();
        var report = JsonMapper.builder().build().readTree(result.stdout());
        assertThat(report.get("link").asString()).startsWith("http://localhost:" + port + "/invitation/");
        assertThat(report.get("inviteeReachedDashboard").asBoolean()).isTrue();
        assertThat(report.get("cameBackAfterSignIn").asString()).contains("/invitation/join/" + joinToken);
        assertThat(report.get("errors")).as("console errors").isEmpty();
        assertThat(accounts.organizations(invitee)).singleElement()
                .satisfies(account -> assertThat(account.role()).isEqualTo(Role.MEMBER));
        assertThat(accounts.organizations(OWNER_EMAIL)).anySatisfy(account -> {
            assertThat(account.organizationId()).isEqualTo(partner);
            assertThat(account.role()).isEqualTo(Role.ADMIN);
        });
    }
}
