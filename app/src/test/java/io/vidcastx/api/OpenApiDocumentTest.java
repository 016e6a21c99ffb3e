package io.vidcastx.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import io.vidcastx.AppTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The served OpenAPI document describes every operation the /video/v1 controllers really have. */
class OpenApiDocumentTest extends AppTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_api_operation_is_in_the_document_served_without_credentials() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).isEqualTo("Vidcastx Video API");
        assertThat(document.path("components").path("securitySchemes").path("accessToken").path("scheme").asString())
                .isEqualTo("basic");
        JsonNode paths = document.path("paths");

        int operations = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                if (!path.startsWith("/video/v1/")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    JsonNode operation = paths.path(path).path(method.name().toLowerCase(Locale.ROOT));
                    assertThat(operation.isObject()).as(method + " " + path + " is documented").isTrue();
                    assertThat(operation.path("summary").asString("")).as(method + " " + path + " has a summary").isNotBlank();
                    operations++;
                }
            }
        }
        assertThat(operations).as("the API has operations to document").isGreaterThanOrEqualTo(11);
        assertThat(paths.properties()).allSatisfy(path -> assertThat(path.getKey()).startsWith("/video/v1/"));
    }
}
