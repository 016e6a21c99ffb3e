package io.vidcastx.transcripts.ui;

import java.util.function.DoubleConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.vidcastx.core.captions.Cue;
import io.vidcastx.core.captions.Timestamps;

/** One cue in the editor: its times and text, a button that plays the video from it, and one that removes it. */
final class CueRow extends HorizontalLayout {

    final TextField start = new TextField("Start");
    final TextField end = new TextField("End");
    /** A text area: cues of two lines (two speakers, a long sentence) keep their line break. */
    final TextArea text = new TextArea("Text");
    final Button play = new Button(VaadinIcon.PLAY.create());
    final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    private final String originalStart;
    private final String originalEnd;
    private final String originalText;

    CueRow(Cue cue, DoubleConsumer seek, boolean editable, Runnable onRemove) {
        addClassName("cue-row");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.BASELINE);
        originalStart = Timestamps.format(cue.startMs(), '.');
        originalEnd = Timestamps.format(cue.endMs(), '.');
        originalText = cue.text();
        start.setValue(originalStart);
        end.setValue(originalEnd);
        text.setValue(originalText);
        for (var time : new TextField[] {start, end}) {
            time.setWidth("9em");
            time.setPattern("[0-9:.]*");
            time.setReadOnly(!editable);
        }
        text.setReadOnly(!editable);
        play.setAriaLabel("Play from " + start.getValue());
        play.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        play.addClickListener(click -> cueStart().ifPresent(ms -> seek.accept(ms / 1000.0)));
        remove.setAriaLabel("Remove this cue");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setVisible(editable);
        remove.addClickListener(click -> onRemove.run());
        add(play, start, end, text, remove);
        setFlexGrow(1, text);
    }

    /** True when something was typed here since the row was made. */
    boolean changed() {
        return !start.getValue().equals(originalStart) || !end.getValue().equals(originalEnd)
                || !text.getValue().equals(originalText);
    }

    private java.util.OptionalLong cueStart() {
        return Timestamps.parse(start.getValue());
    }

    /**
     * The cue as edited.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    Cue cue() {
        var from = Timestamps.parse(start.getValue());
        var to = Timestamps.parse(end.getValue());
        if (from.isEmpty()) {
            throw new IllegalArgumentException("\"" + start.getValue() + "\" is not a time such as 00:01:02.500");
        }
        if (to.isEmpty()) {
            throw new IllegalArgumentException("\"" + end.getValue() + "\" is not a time such as 00:01:02.500");
        }
        return new Cue(from.getAsLong(), to.getAsLong(), text.getValue());
    }
}
