package io.vidcastx.uploads;

import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static io.vidcastx.db.jooq.Tables.UPLOADS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;

import io.vidcastx.AppTestSupport;
import io.vidcastx.developers.ApiKeyService;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.testing.HttpTestClient;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organization's upload limit holds for bodies that state no size: the server counts what
 * arrives, stops reading past the limit, answers 413, keeps nothing beyond it, and leaves the
 * upload usable (not locked) for the next request.
 */
class UploadSizeLimitTest extends AppTestSupport {

    private static final long LIMIT = 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    StorageService storage;
    @Autowired
    JsonMapper json;

    private HttpTestClient client;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void organizationWithALimit() {
        OrganizationId organization = TestData.organization(dsl, "Limited");
        dsl.update(ORGANIZATIONS).set(ORGANIZATIONS.MAX_UPLOAD_BYTES, LIMIT)
                .where(ORGANIZATIONS.ORGANIZATION_ID.eq(organization)).execute();
        client = HttpTestClient.withNewKey(port, apiKeys, organization, "size limit tests");
    }

    private String createUpload() {
        var response = client.request("POST", "/video/v1/uploads").json("{}").send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("data").get("url").asString();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** The body as a stream of unknown length: Java's client sends it with Transfer-Encoding: chunked. */
    private HttpResponse<String> putChunked(String url, byte[] body, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long storedBytes(String url) {
        var id = UploadId.parse(url.substring(url.lastIndexOf('/') + 1));
        var row = dsl.selectFrom(UPLOADS).where(UPLOADS.UPLOAD_ID.eq(id)).fetchSingle();
        return row.getReceivedLength();
    }

    @Test
    void a_chunked_body_past_the_limit_is_refused_with_nothing_kept_beyond_it() throws Exception {
        String url = createUpload();

        var response = putChunked(url, random(5 * (int) LIMIT / 2)); // the rest (under 2 MB) is swallowed, not reset

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(storedBytes(url)).isLessThanOrEqualTo(LIMIT);
        String uploadId = url.substring(url.lastIndexOf('/') + 1);
        var tail = storage.stat("uploads/" + uploadId + "/tail");
        assertThat(tail).hasValueSatisfying(object -> assertThat(object.size()).isLessThanOrEqualTo(LIMIT));
        // The upload is not left locked: the next request is answered at once (and refused, it is full).
        assertThat(putChunked(url, random(10), "Content-Range", "bytes " + LIMIT + "-" + (LIMIT + 9) + "/*").statusCode())
                .isEqualTo(413);
        assertThat(client.request("PUT", "/video/v1/uploads/" + uploadId + "/cancel").send().statusCode()).isEqualTo(200);
    }

    @Test
    void a_content_range_with_an_unknown_total_cannot_pass_the_limit() throws Exception {
        String url = createUpload();
        byte[] body = random(2 * (int) LIMIT);

        var response = client.request("PUT", url).anonymous()
                .header("Content-Range", "bytes 0-" + (body.length - 1) + "/*").body(body).send();

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(storedBytes(url)).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void a_chunked_body_within_the_limit_becomes_a_video() throws Exception {
        String url = createUpload();

        var response = putChunked(url, random((int) LIMIT));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(storedBytes(url)).isEqualTo(LIMIT);
    }
}
