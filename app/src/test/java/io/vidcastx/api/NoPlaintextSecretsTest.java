package io.vidcastx.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.security.Caller;
import io.vidcastx.team.InvitationService;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.TestData;
import io.vidcastx.webhooks.WebhookService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reads every row of every table as text and looks for the secrets handed out: API key secrets,
 * passwords and invitation tokens must exist only as digests or hashes. A revoked key stops at once.
 */
class NoPlaintextSecretsTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    InvitationService invitations;
    @Autowired
    WebhookService webhooks;

    @Test
    void no_secret_is_stored_in_plaintext_anywhere_in_the_database() {
        ensureOwner();
        var organization = TestData.organization(dsl, "Secrets");
        var key = apiKeys.create(organization, "checked", Role.ADMIN);
        var invitation = invitations.invite(new Caller(organization, null, null, Role.OWNER), "secret.keeper@example.com",
                Role.MEMBER, "http://localhost");
        String token = invitation.link().substring(invitation.link().lastIndexOf('/') + 1);
        String password = "a password nobody stores";
        invitations.acceptWithNewAccount(token, "Keeper", password);
        var owner = new Caller(organization, null, null, Role.OWNER);
        var endpoint = webhooks.create(owner, new WebhookService.EndpointSettings("https://hooks.example.com/secrets", "",
                java.util.Set.of("video.asset.ready")));
        webhooks.rotateSecret(owner, endpoint.id()); // the previous secret is kept too, encrypted as well
        String webhookSecret = webhooks.signingSecret(owner, endpoint.id()).substring("whsec_".length());

        List<String> tables = dsl.fetch("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE'").getValues(0, String.class);
        assertThat(tables).contains("api_keys", "users", "invitations", "webhook_endpoints");
        for (String table : tables) {
            String everything = String.join("\n", dsl.fetch("select t::text from \"" + table + "\" t").getValues(0, String.class));
            assertThat(everything).as(table).doesNotContain(key.secret()).doesNotContain(password).doesNotContain(token)
                    .doesNotContain(webhookSecret);
        }
        assertThat(String.join("", dsl.fetch("select t::text from api_keys t").getValues(0, String.class)))
                .as("the key is there, by its token id").contains(key.tokenId());
    }

    @Test
    void a_revoked_key_is_refused_on_the_very_next_request() {
        var organization = TestData.organization(dsl, "Revoked");
        var key = apiKeys.create(organization, "soon revoked", Role.ADMIN);
        var client = new HttpTestClient(port, key.tokenId(), key.secret());
        assertThat(client.request("GET", "/video/v1/assets").send().statusCode()).isEqualTo(200);

        apiKeys.revoke(organization, key.id());

        var refused = client.request("GET", "/video/v1/assets").send();
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"error\"");
    }
}
