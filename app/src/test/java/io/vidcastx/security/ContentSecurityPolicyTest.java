package io.vidcastx.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.testing.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each kind of response carries the policy that fits it (the embed page: see PlaybackTest and BrowserPlaybackTest). */
class ContentSecurityPolicyTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;

    @Test
    void the_dashboard_may_be_framed_by_itself_only() {
        ensureOwner();
        var client = new HttpTestClient(port, "none", "none");

        var login = client.request("GET", "/login").anonymous().send();

        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue(ContentSecurityPolicy.DASHBOARD);
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(ContentSecurityPolicy.DASHBOARD).contains("frame-ancestors 'self'").doesNotContain("frame-ancestors *");
    }

    @Test
    void json_and_upload_answers_load_nothing_and_are_never_framed() {
        ensureOwner();
        var client = HttpTestClient.withNewKey(port, apiKeys, ownersOrganization(), "csp");

        for (var response : java.util.List.of(client.request("GET", "/video/v1/assets").send(),
                client.request("GET", "/video/v1/assets").anonymous().send(),
                client.request("GET", "/uploads/direct/" + java.util.UUID.randomUUID()).send(),
                client.request("GET", "/openapi.json").anonymous().send())) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .hasValue(ContentSecurityPolicy.API);
        }
        assertThat(ContentSecurityPolicy.API).startsWith("default-src 'none'").contains("frame-ancestors 'none'");
    }
}
