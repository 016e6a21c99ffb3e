package io.vidcastx.transcripts.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.vidcastx.core.captions.Timestamps;
import io.vidcastx.security.Caller;
import io.vidcastx.security.CallerResolver;
import io.vidcastx.transcripts.SearchHit;
import io.vidcastx.transcripts.TranscriptService;
import jakarta.annotation.security.PermitAll;

/** Full-text search over every transcript of the organization; each hit opens the video at that moment. */
@Route("transcripts")
@PageTitle("Transcripts | Vidcastx")
@Menu(title = "Transcripts", order = 2, icon = "vaadin:search")
@PermitAll
final class TranscriptSearchView extends VerticalLayout implements BeforeEnterObserver {

    private final TranscriptService transcripts;
    private final CallerResolver callers;
    final TextField query = new TextField();
    final Div results = new Div();

    TranscriptSearchView(TranscriptService transcripts, CallerResolver callers) {
        this.transcripts = transcripts;
        this.callers = callers;
        query.setPlaceholder("Words said in your videos: budget \"next quarter\" -draft");
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setAriaLabel("Search transcripts");
        query.setWidthFull();
        query.setClearButtonVisible(true);
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.addValueChangeListener(change -> {
            search(change.getValue());
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                    new com.vaadin.flow.router.Location("transcripts",
                            QueryParameters.of("q", change.getValue()))));
        });
        results.addClassName("transcript-hits");
        add(query, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("q").ifPresent(query::setValue);
    }

    void search(String words) {
        results.removeAll();
        if (words.isBlank()) {
            return;
        }
        var hits = transcripts.search(callers.signedIn(), words);
        if (hits.isEmpty()) {
            results.add(new Paragraph("Nothing said in your videos matches \"" + words.strip() + "\"."));
            return;
        }
        for (var hit : hits) {
            results.add(hit(hit));
        }
    }

    private static Div hit(SearchHit hit) {
        String href = "videos/" + hit.videoId() + "?t=" + String.format(Locale.ROOT, "%.3f", hit.startSeconds());
        var link = new Anchor(href, hit.videoTitle() + " at " + Timestamps.format(hit.startMs(), '.').replaceFirst("^00:", "")
                + " (" + hit.language() + ")");
        var text = new Paragraph();
        // Matches are marked by PostgreSQL; they become <mark> elements, never HTML from the transcript.
        String[] parts = hit.highlighted().split("[" + SearchHit.MARK_START + SearchHit.MARK_END + "]", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            if (i % 2 == 1) {
                var mark = new Span(parts[i]);
                mark.getElement().setAttribute("part", "match");
                mark.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("font-weight", "600");
                text.add(mark);
            } else {
                text.add(new Span(parts[i]));
            }
        }
        var item = new Div(link, text);
        item.addClassName("transcript-hit");
        return item;
    }
}
