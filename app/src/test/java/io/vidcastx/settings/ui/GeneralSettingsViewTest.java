package io.vidcastx.settings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.vidcastx.AppTestSupport;
import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.testing.TestData;
import org.junit.jupiter.api.Test;

class GeneralSettingsViewTest extends AppTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    io.vidcastx.settings.OrganizationSettingsService settings;
    @org.springframework.beans.factory.annotation.Autowired
    io.vidcastx.core.storage.StorageService storage;
    @org.springframework.beans.factory.annotation.Autowired
    io.vidcastx.security.CallerResolver callerResolver;

    private GeneralSettingsView open() {
        startUi();
        UI.getCurrent().navigate("settings/general");
        return _get(GeneralSettingsView.class);
    }

    @Test
    void the_bare_settings_address_opens_the_general_settings() {
        signInAsOwner();
        startUi();
        UI.getCurrent().navigate("settings");
        assertThat(_get(GeneralSettingsView.class).name.getValue()).isNotBlank();
    }

    private String slugOfOwnersOrganization() {
        return dsl.select(ORGANIZATIONS.SLUG).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT).limit(1).fetchSingle().value1();
    }

    @Test
    void an_owner_renames_the_organization_and_changes_its_slug() {
        signInAsOwner();
        var view = open();

        view.name.setValue("Acme Films International");
        view.slug.setValue("acme-intl-" + System.nanoTime() % 100000);
        _click(view.save);

        assertThat(view.slug.isInvalid()).isFalse();
        assertThat(slugOfOwnersOrganization()).isEqualTo(view.slug.getValue());
        view.name.setValue("Acme Films");
        _click(view.save);
    }

    @Test
    void a_malformed_or_taken_slug_is_refused_with_a_reason() {
        signInAsOwner();
        var taken = "taken-" + System.nanoTime() % 100000;
        var other = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, other).set(ORGANIZATIONS.NAME, "Other")
                .set(ORGANIZATIONS.SLUG, taken).execute();
        var view = open();
        String before = slugOfOwnersOrganization();

        view.slug.setValue("Not A Slug!");
        _click(view.save);
        assertThat(view.slug.isInvalid()).isTrue();
        assertThat(view.slug.getErrorMessage()).contains("lower-case letters");

        view.slug.setValue(taken);
        _click(view.save);
        assertThat(view.slug.getErrorMessage()).contains("Another organization uses");
        assertThat(slugOfOwnersOrganization()).isEqualTo(before);
    }

    @Test
    void a_viewer_sees_the_settings_read_only() {
        signInWithRole(Role.VIEWER);
        var view = open();

        assertThat(view.name.isReadOnly()).isTrue();
        assertThat(view.slug.isReadOnly()).isTrue();
        assertThat(view.save.isVisible()).isFalse();
    }

    private static byte[] png(int width, int height) throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private String logoKey() {
        return dsl.select(ORGANIZATIONS.LOGO_KEY).from(ORGANIZATIONS).orderBy(ORGANIZATIONS.CREATED_AT).limit(1).fetchSingle().value1();
    }

    @Test
    void an_admin_uploads_a_logo_which_is_stored_under_a_generated_key_and_shown() throws Exception {
        signInWithRole(Role.ADMIN);
        var view = open();
        byte[] logo = png(120, 40);

        com.github.mvysny.kaributesting.v10.UploadKt._upload(view.logoUpload, "../../etc/passwd.png", "image/png", logo);

        String key = logoKey();
        assertThat(key).matches("logos/[0-9a-f-]{36}/[0-9a-f-]{36}\\.png");
        try (var stored = storage.getFileStream(key)) {
            assertThat(stored.readAllBytes()).isEqualTo(logo);
        }
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(view.logoPreview, com.vaadin.flow.component.html.Image.class)).hasSize(1);

        // A second logo replaces the first, whose file goes.
        com.github.mvysny.kaributesting.v10.UploadKt._upload(view.logoUpload, "new.png", "image/png", png(60, 60));
        assertThat(logoKey()).isNotEqualTo(key);
        assertThat(storage.stat(key)).isEmpty();

        _click(view.removeLogo);
        assertThat(logoKey()).isNull();
    }

    @Test
    void a_file_that_is_not_an_image_or_is_truncated_is_refused_and_the_old_logo_stays() throws Exception {
        signInAsOwner();
        var view = open();
        com.github.mvysny.kaributesting.v10.UploadKt._upload(view.logoUpload, "logo.png", "image/png", png(32, 32));
        String before = logoKey();

        byte[] truncated = java.util.Arrays.copyOf(png(200, 200), 60);
        for (var bad : java.util.List.of("<svg onload=alert(1)></svg>".getBytes(), "just text".getBytes(), truncated)) {
            com.github.mvysny.kaributesting.v10.UploadKt._upload(view.logoUpload, "logo.png", "image/png", bad);
        }

        assertThat(logoKey()).isEqualTo(before);
        var refusal = org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.changeLogo(callers(), truncated));
        refusal.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.changeLogo(callers(), "GIF89a".getBytes()))
                .hasMessageContaining("PNG, JPEG or WebP");
        settings.removeLogo(callers()); // later tests' screenshots show the organization without it
    }

    @Test
    void a_logo_over_1_mb_is_refused_by_the_upload_whatever_the_browser_checked() throws Exception {
        signInWithRole(Role.ADMIN);
        var view = open();
        String before = logoKey();
        byte[] big = java.util.Arrays.copyOf(png(64, 64), 1024 * 1024 + 1);

        com.github.mvysny.kaributesting.v10.UploadKt._upload(view.logoUpload, "big.png", "image/png", big);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);

        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("big.png is larger than 1 MB; a logo is at most 1 MB.");
        assertThat(logoKey()).isEqualTo(before);
    }

    @Test
    void a_small_png_that_would_decode_to_a_gigabyte_is_refused_with_its_size() throws Exception {
        signInWithRole(Role.ADMIN);
        var view = open();
        String before = logoKey();

        com.github.mvysny.kaributesting.v10.UploadKt._upload(view.logoUpload, "bomb.png", "image/png",
                io.vidcastx.settings.CraftedImages.deflateBomb(30_000, 2_000));
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);

        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "A logo is at most 4096 x 4096 pixels; this one is 30000 x 30000");
        assertThat(logoKey()).isEqualTo(before);
    }

    @Test
    void viewers_see_the_logo_but_cannot_change_it_or_delete_the_organization() {
        signInWithRole(Role.VIEWER);
        var view = open();
        assertThat(view.logoUpload.isAttached()).isFalse();
        assertThat(view.deleteOrganization.isAttached()).isFalse();
        var viewer = callers();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.changeLogo(viewer, new byte[] {1}))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void an_owner_deletes_a_spare_organization_with_its_videos_but_never_their_only_one() {
        resetAccounts(); // a fresh install: the owner has exactly one organization
        signInAsOwner();
        var view = open();
        String ownSlug = view.slug.getValue();
        _click(view.deleteOrganization);
        var dialog = _get(DeleteOrganizationDialog.class);
        dialog.confirmation.setValue(ownSlug);
        _click(dialog.delete);
        assertThat(dialog.confirmation.getErrorMessage()).contains("only organization");

        var spare = accounts.createOrganization(OWNER_EMAIL, "Spare Org");
        var spareOwner = new io.vidcastx.security.Caller(spare, null, null, Role.OWNER);
        var video = io.vidcastx.db.ids.VideoId.random();
        dsl.insertInto(io.vidcastx.db.jooq.Tables.VIDEOS).set(io.vidcastx.db.jooq.Tables.VIDEOS.VIDEO_ID, video)
                .set(io.vidcastx.db.jooq.Tables.VIDEOS.ORGANIZATION_ID, spare).set(io.vidcastx.db.jooq.Tables.VIDEOS.TITLE, "x")
                .set(io.vidcastx.db.jooq.Tables.VIDEOS.PLAYBACK_ID, "spare" + System.nanoTime()).execute();
        storage.uploadFile(io.vidcastx.core.storage.StorageKeys.hlsMaster(video), "#EXTM3U".getBytes(), null);
        String spareSlug = settings.get(spareOwner).slug();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.deleteOrganization(spareOwner, OWNER_EMAIL, "wrong"))
                .hasMessageContaining("Type the slug");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.deleteOrganization(
                new io.vidcastx.security.Caller(spare, null, null, Role.ADMIN), OWNER_EMAIL, spareSlug))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        settings.deleteOrganization(spareOwner, OWNER_EMAIL, spareSlug);

        assertThat(dsl.fetchExists(ORGANIZATIONS, ORGANIZATIONS.ORGANIZATION_ID.eq(spare))).isFalse();
        assertThat(dsl.fetchExists(io.vidcastx.db.jooq.Tables.VIDEOS, io.vidcastx.db.jooq.Tables.VIDEOS.VIDEO_ID.eq(video))).isFalse();
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(
                storage.stat(io.vidcastx.core.storage.StorageKeys.hlsMaster(video))).isEmpty());
    }

    private io.vidcastx.security.Caller callers() {
        return callerResolver.current().orElseThrow();
    }

    @Test
    void an_owner_demoted_after_opening_the_delete_dialog_is_refused_at_the_click() {
        signInAsOwner();
        var view = open();
        String ownSlug = view.slug.getValue();
        _click(view.deleteOrganization);
        var dialog = _get(DeleteOrganizationDialog.class);
        String before = TestData.setRole(dsl, ownersOrganization(), OWNER_EMAIL, "admin");
        try {
            dialog.confirmation.setValue(ownSlug);
            _click(dialog.delete);

            assertThat(dialog.confirmation.getErrorMessage()).isEqualTo(
                    "A admin may not delete the organization; ask an owner or above");
            assertThat(dsl.fetchExists(ORGANIZATIONS, ORGANIZATIONS.SLUG.eq(ownSlug))).isTrue();
        } finally {
            TestData.setRole(dsl, ownersOrganization(), OWNER_EMAIL, before);
        }
    }
}
