package io.vidcastx.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.stream.Stream;

import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.StoredTranscript;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.UserId;
import io.vidcastx.developers.DeveloperKeysService;
import io.vidcastx.settings.OrganizationSettingsService;
import io.vidcastx.team.InvitationService;
import io.vidcastx.team.TeamService;
import io.vidcastx.testing.TestData;
import io.vidcastx.uploads.UploadKind;
import io.vidcastx.uploads.UploadService;
import io.vidcastx.videos.VideoService;
import io.vidcastx.transcripts.TranscriptService;
import io.vidcastx.webhooks.WebhookService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The role x action matrix through the services, which the dashboard and the API both call: each role
 * does exactly what it may (the action runs for real) and is refused the rest with AccessDeniedException
 * before anything changes. Viewers look; Members manage videos; Admins also keys, team and settings;
 * Owners also delete the organization. (Webhooks join this matrix with their own tests.)
 */
class RoleMatrixTest extends AppTestSupport {

    @Autowired
    VideoService videos;
    @Autowired
    UploadService uploads;
    @Autowired
    DeveloperKeysService keys;
    @Autowired
    TeamService team;
    @Autowired
    InvitationService invitations;
    @Autowired
    OrganizationSettingsService settings;
    @Autowired
    WebhookService webhooks;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    TranscriptStore transcriptStore;

    /** An action, the least role that may do it, and how to do it in a fresh organization. */
    record Action(String name, Role needs, Act act) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Act {
        void run(RoleMatrixTest test, Caller caller) throws Exception;
    }

    static Stream<Action> actions() {
        return Stream.of(
                new Action("list videos", Role.VIEWER, (t, c) -> t.videos.page(c, 0, 10)),
                new Action("edit a video", Role.MEMBER, (t, c) -> {
                    var id = TestData.readyVideo(t.dsl, c.organizationId(), "v");
                    t.videos.update(c, id, 0, "Renamed", null);
                }),
                new Action("delete a video", Role.MEMBER, (t, c) ->
                        t.videos.delete(c, List.of(TestData.readyVideo(t.dsl, c.organizationId(), "v")))),
                new Action("add a playback ID", Role.MEMBER, (t, c) ->
                        t.videos.addPlaybackId(c, TestData.readyVideo(t.dsl, c.organizationId(), "v"), true)),
                new Action("sign a video's playback", Role.MEMBER, (t, c) ->
                        t.videos.setPlaybackPolicy(c, TestData.readyVideo(t.dsl, c.organizationId(), "v"), true)),
                new Action("upload a video", Role.MEMBER, (t, c) -> t.uploads.create(c,
                        new UploadService.NewUpload(UploadKind.DIRECT, null, null, "t", null, null, null))),
                new Action("see API keys", Role.VIEWER, (t, c) -> t.keys.apiKeys(c)),
                new Action("create an API key", Role.ADMIN, (t, c) -> t.keys.createApiKey(c, "k", Role.VIEWER)),
                new Action("create a signing key", Role.ADMIN, (t, c) -> t.keys.createSigningKey(c)),
                new Action("search transcripts", Role.VIEWER, (t, c) -> t.transcripts.search(c, "hello")),
                new Action("transcribe a video", Role.MEMBER, (t, c) ->
                        t.transcripts.transcribe(c, TestData.readyVideo(t.dsl, c.organizationId(), "v"), "en")),
                new Action("edit a transcript", Role.MEMBER, (t, c) -> {
                    var transcript = t.transcriptOf(c);
                    t.transcripts.save(c, transcript.id(), transcript.version(), List.of(new Cue(0, 1500, "Edited")));
                }),
                new Action("see webhook endpoints", Role.VIEWER, (t, c) -> t.webhooks.endpoints(c)),
                new Action("add a webhook endpoint", Role.ADMIN, (t, c) -> t.webhooks.create(c, t.hook())),
                new Action("see a webhook signing secret", Role.ADMIN, (t, c) ->
                        t.webhooks.signingSecret(c, t.webhookOf(c))),
                new Action("disable a webhook endpoint", Role.ADMIN, (t, c) -> t.webhooks.setEnabled(c, t.webhookOf(c), false)),
                new Action("send a test webhook", Role.ADMIN, (t, c) -> t.webhooks.sendTestEvent(c, t.webhookOf(c))),
                new Action("see the team", Role.VIEWER, (t, c) -> t.team.members(c)),
                new Action("invite a member", Role.ADMIN, (t, c) ->
                        t.invitations.invite(c, "x" + System.nanoTime() + "@example.com", Role.MEMBER, "http://localhost")),
                new Action("change a member's role", Role.ADMIN, (t, c) -> t.team.changeRole(c, t.memberOf(c), Role.VIEWER)),
                new Action("remove a member", Role.ADMIN, (t, c) -> t.team.remove(c, t.memberOf(c))),
                new Action("rename the organization", Role.ADMIN, (t, c) ->
                        t.settings.update(c, "Renamed", t.settings.get(c).slug(), t.settings.get(c).version())),
                new Action("delete the organization", Role.OWNER, (t, c) -> {
                    // The caller's user needs a second organization to be allowed to delete one.
                    t.accounts.createOrganization(t.emailOf(c), "Refuge");
                    t.settings.deleteOrganization(c, t.emailOf(c), t.settings.get(c).slug());
                }));
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Role.values()).flatMap(role -> actions().map(action -> Arguments.of(role, action)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("matrix")
    void each_role_does_exactly_what_it_may(Role role, Action action) {
        ensureOwner();
        var organization = TestData.organization(dsl, "Matrix");
        var caller = new Caller(organization, person(organization, role), null, role);

        if (role.atLeast(action.needs())) {
            assertThatCode(() -> action.act().run(this, caller)).doesNotThrowAnyException();
        } else {
            var refusal = catchThrowable(() -> action.act().run(this, caller));
            assertThat(refusal).isInstanceOf(AccessDeniedException.class).hasMessageContaining("may not");
        }
    }

    private UserId person(OrganizationId organization, Role role) {
        var userId = UserId.random();
        String email = role.dbValue() + "." + userId.value() + "@example.com";
        dsl.insertInto(io.vidcastx.db.jooq.Tables.USERS).set(io.vidcastx.db.jooq.Tables.USERS.USER_ID, userId)
                .set(io.vidcastx.db.jooq.Tables.USERS.EMAIL, email).set(io.vidcastx.db.jooq.Tables.USERS.DISPLAY_NAME, "P")
                .set(io.vidcastx.db.jooq.Tables.USERS.PASSWORD_HASH, "{noop}x").execute();
        dsl.insertInto(io.vidcastx.db.jooq.Tables.MEMBERSHIPS)
                .set(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.ORGANIZATION_ID, organization)
                .set(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.USER_ID, userId)
                .set(io.vidcastx.db.jooq.Tables.MEMBERSHIPS.ROLE, role.dbValue()).execute();
        return userId;
    }

    /** A plain member of the caller's organization, for role changes and removals. */
    UserId memberOf(Caller caller) {
        return person(caller.organizationId(), Role.MEMBER);
    }

    String emailOf(Caller caller) {
        return dsl.select(io.vidcastx.db.jooq.Tables.USERS.EMAIL).from(io.vidcastx.db.jooq.Tables.USERS)
                .where(io.vidcastx.db.jooq.Tables.USERS.USER_ID.eq(caller.userId())).fetchSingle().value1();
    }

    private WebhookService.EndpointSettings hook() {
        return new WebhookService.EndpointSettings("https://hooks.example.com/matrix", "", java.util.Set.of("video.asset.ready"));
    }

    /** An endpoint of the caller's organization, made by its owner. */
    private StoredTranscript transcriptOf(Caller caller) {
        var video = TestData.readyVideo(dsl, caller.organizationId(), "captioned");
        return transcriptStore.replace(caller.organizationId(), video, "en", "test", "upload",
                List.of(new Cue(0, 1000, "Hello")), 0);
    }

    private io.vidcastx.db.ids.WebhookEndpointId webhookOf(Caller caller) {
        return webhooks.create(new Caller(caller.organizationId(), null, null, Role.OWNER), hook()).id();
    }
}
