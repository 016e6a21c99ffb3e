package io.vidcastx.transcripts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.vidcastx.db.jooq.Tables.ORGANIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.vidcastx.core.captions.Cue;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.transcripts.TranscriptTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Full-text search over the organization's transcripts (PostgreSQL), browserless. */
class TranscriptSearchViewTest extends TranscriptTestSupport {



    private TranscriptSearchView search(String words) {
        startUi();
        UI.getCurrent().navigate("transcripts");
        var view = _get(TranscriptSearchView.class);
        view.query.setValue(words);
        return view;
    }

    @Test
    void a_hit_links_to_the_moment_in_the_player_and_marks_the_words() {
        signInAsOwner();
        var launch = fixtures.readyVideo(organization, "Quarterly keynote");
        fixtures.transcript(organization, launch, "en", List.of(new Cue(0, 4_000, "Good morning everyone"),
                new Cue(12_340, 15_000, "Our budget for the next quarter grows"), new Cue(15_000, 18_000, "Thank you")));
        var other = fixtures.readyVideo(organization, "Team lunch");
        fixtures.transcript(organization, other, "en", List.of(new Cue(1_000, 3_000, "Who ordered the pizza")));

        var view = search("budget quarter");

        var links = _find(view.results, Anchor.class);
        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.getHref()).isEqualTo("videos/" + launch + "?t=12.340");
            assertThat(link.getText()).isEqualTo("Quarterly keynote at 00:12.340 (en)");
        });
        assertThat(_find(view.results, Span.class).stream().filter(s -> s.getElement().hasAttribute("part"))
                .map(Span::getText)).containsExactly("budget", "quarter");
    }

    @Test
    void phrases_and_exclusions_work_and_other_organizations_stay_invisible() {
        signInAsOwner();
        var mine = fixtures.readyVideo(organization, "Roadmap");
        fixtures.transcript(organization, mine, "en", List.of(new Cue(0, 2_000, "the secret roadmap is ready"),
                new Cue(2_000, 4_000, "a roadmap draft")));
        var stranger = OrganizationId.random();
        dsl.insertInto(ORGANIZATIONS).set(ORGANIZATIONS.ORGANIZATION_ID, stranger).set(ORGANIZATIONS.NAME, "Other")
                .set(ORGANIZATIONS.SLUG, "other-" + stranger).execute();
        var theirs = fixtures.readyVideo(stranger, "Their roadmap");
        fixtures.transcript(stranger, theirs, "en", List.of(new Cue(0, 2_000, "the secret roadmap is ready")));

        assertThat(_find(search("\"secret roadmap\"").results, Anchor.class)).extracting(Anchor::getHref)
                .containsExactly("videos/" + mine + "?t=0.000");
        assertThat(_find(search("roadmap -secret").results, Anchor.class)).extracting(Anchor::getHref)
                .containsExactly("videos/" + mine + "?t=2.000");
        assertThat(_find(search("pineapple").results, Paragraph.class)).extracting(Paragraph::getText)
                .containsExactly("Nothing said in your videos matches \"pineapple\".");
        dsl.deleteFrom(ORGANIZATIONS).where(ORGANIZATIONS.ORGANIZATION_ID.eq(stranger)).execute();
    }

    @Test
    void control_characters_in_the_query_are_ignored_rather_than_sent_to_postgresql() {
        signInAsOwner();
        var launch = fixtures.readyVideo(organization, "Keynote");
        fixtures.transcript(organization, launch, "en", List.of(new Cue(1_000, 3_000, "Our budget grows")));

        var view = search("\u0000budget\u0007");

        assertThat(_find(view.results, Anchor.class)).extracting(Anchor::getHref)
                .containsExactly("videos/" + launch + "?t=1.000");
    }
}
