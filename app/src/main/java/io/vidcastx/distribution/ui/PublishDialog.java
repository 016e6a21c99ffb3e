package io.vidcastx.distribution.ui;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.vidcastx.core.youtube.PublishRequest;
import io.vidcastx.db.ids.VideoId;
import io.vidcastx.distribution.PublishService;
import io.vidcastx.distribution.ThumbnailChoice;
import io.vidcastx.security.Caller;
import org.jspecify.annotations.Nullable;

/** What to send to YouTube; publishing a video that is on the channel already asks first. */
final class PublishDialog extends Dialog {

    /** A few of YouTube's video categories (ids are YouTube's). */
    static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("22", "People & Blogs");
        CATEGORIES.put("27", "Education");
        CATEGORIES.put("24", "Entertainment");
        CATEGORIES.put("28", "Science & Technology");
        CATEGORIES.put("10", "Music");
        CATEGORIES.put("20", "Gaming");
        CATEGORIES.put("25", "News & Politics");
        CATEGORIES.put("26", "Howto & Style");
        CATEGORIES.put("1", "Film & Animation");
    }

    private final PublishService publishing;
    private final Supplier<Caller> caller;
    private final VideoId video;
    private final Runnable published;
    final TextField title = new TextField("Title");
    final TextArea description = new TextArea("Description");
    final TextField tags = new TextField("Tags");
    final Select<String> category = new Select<>();
    final RadioButtonGroup<String> privacy = new RadioButtonGroup<>("Privacy");
    final DateTimePicker publishAt = new DateTimePicker("Scheduled publish time (UTC)");
    final Checkbox madeForKids = new Checkbox("Made for kids");
    final CheckboxGroup<String> captions = new CheckboxGroup<>("Captions to include");
    final RadioButtonGroup<String> thumbnail = new RadioButtonGroup<>("Thumbnail");
    final NumberField thumbnailTime = new NumberField("Frame at (seconds)");
    final Image thumbnailPreview = new Image();
    final Paragraph problem = new Paragraph();
    final Button send = new Button("Publish");

    /** Thumbnail options; their labels are what the person reads. */
    static final String POSTER = "poster";
    static final String FRAME = "frame";
    static final String NONE = "none";

    private final @Nullable Function<@Nullable Double, String> pictureAt;

    /**
     * @param pictureAt the URL of the video's picture at a time (null: its poster), for the preview; null when
     *                  the video has no pictures (audio only): then no thumbnail is offered or sent
     * @param duration  the video's length in seconds, the latest frame that can be chosen
     */
    PublishDialog(PublishService publishing, Supplier<Caller> caller, VideoId video, String defaultTitle,
                  List<String> captionLanguages, @Nullable Function<@Nullable Double, String> pictureAt, double duration,
                  Runnable published) {
        this.pictureAt = pictureAt;
        this.publishing = publishing;
        this.caller = caller;
        this.video = video;
        this.published = published;
        setHeaderTitle("Publish to YouTube");
        title.setValue(defaultTitle.length() > 100 ? defaultTitle.substring(0, 100) : defaultTitle);
        title.setMaxLength(100);
        title.setRequired(true);
        tags.setHelperText("Separated by commas");
        category.setLabel("Category");
        category.setItems(CATEGORIES.keySet());
        category.setItemLabelGenerator(CATEGORIES::get);
        category.setValue(PublishRequest.DEFAULT_CATEGORY);
        privacy.setItems("private", "unlisted", "public");
        privacy.setItemLabelGenerator(value -> Character.toUpperCase(value.charAt(0)) + value.substring(1));
        privacy.setValue("private");
        publishAt.setHelperText("Optional; needs Private, YouTube makes it public then");
        captions.setItems(captionLanguages);
        captions.setVisible(!captionLanguages.isEmpty());
        captions.setValue(new java.util.HashSet<>(captionLanguages));
        thumbnail.setItems(POSTER, FRAME, NONE);
        thumbnail.setItemLabelGenerator(value -> switch (value) {
            case POSTER -> "The video's poster";
            case FRAME -> "A frame I choose";
            default -> "None: YouTube picks one";
        });
        thumbnail.setValue(pictureAt == null ? NONE : POSTER);
        thumbnail.setVisible(pictureAt != null);
        thumbnailTime.setMin(0);
        thumbnailTime.setMax(Math.max(0, Math.floor(duration)));
        thumbnailTime.setStep(1);
        thumbnailTime.setStepButtonsVisible(true);
        thumbnailTime.setValue(Math.min(2.0, Math.floor(duration)));
        thumbnailTime.setHelperText("0 to " + (long) Math.floor(duration) + " s");
        thumbnailPreview.setWidth("240px");
        thumbnailPreview.getStyle().set("max-width", "240px").set("height", "auto");
        thumbnailPreview.addClassName("thumbnail-preview");
        thumbnail.addValueChangeListener(change -> showThumbnail());
        thumbnailTime.addValueChangeListener(change -> showThumbnail());
        showThumbnail();
        problem.addClassName("publish-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        var form = new FormLayout(title, description, tags, category, privacy, publishAt, madeForKids, captions,
                thumbnail, thumbnailBox());
        form.setColspan(description, 2);
        add(form, problem);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> submit(false));
        getFooter().add(new Button("Cancel", click -> close()), send);
    }

    /** The frame's second and the preview together, beside the thumbnail choice. */
    private Div thumbnailBox() {
        var box = new Div(thumbnailTime, thumbnailPreview);
        box.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "flex-end");
        return box;
    }

    private void showThumbnail() {
        if (pictureAt == null) {
            thumbnailTime.setVisible(false);
            thumbnailPreview.setVisible(false);
            return;
        }
        boolean frame = FRAME.equals(thumbnail.getValue());
        thumbnailTime.setVisible(frame);
        thumbnailPreview.setVisible(!NONE.equals(thumbnail.getValue()));
        Double time = frame ? thumbnailTime.getValue() : null;
        thumbnailPreview.setSrc(pictureAt.apply(time));
        thumbnailPreview.setAlt(frame ? "Thumbnail preview: the frame at " + (time == null ? 0 : time.longValue()) + " s"
                : "Thumbnail preview: the video's poster");
    }

    ThumbnailChoice thumbnailChoice() {
        return switch (thumbnail.getValue()) {
            case FRAME -> {
                if (thumbnailTime.getValue() == null) {
                    throw new IllegalArgumentException("Choose the second of the frame to send as the thumbnail");
                }
                yield ThumbnailChoice.frameAt(thumbnailTime.getValue());
            }
            case NONE -> ThumbnailChoice.NONE;
            default -> ThumbnailChoice.POSTER;
        };
    }

    PublishRequest request() {
        return new PublishRequest(title.getValue(), description.getValue(),
                Arrays.stream(tags.getValue().split(",")).toList(), category.getValue(), privacy.getValue(),
                publishAt.getValue() == null ? null : publishAt.getValue().atOffset(ZoneOffset.UTC), madeForKids.getValue(),
                captions.getValue().stream().sorted().toList(), null);
    }

    void submit(boolean replace) {
        try {
            publishing.publish(caller.get(), video, request(), replace, thumbnailChoice());
            close();
            published.run();
        } catch (PublishService.AlreadyPublished e) {
            var confirm = new ConfirmDialog("Publish again?", e.getMessage(), "Publish again", yes -> submit(true));
            confirm.setCancelable(true);
            confirm.open();
        } catch (IllegalArgumentException | IllegalStateException e) {
            problem.setText(e.getMessage());
        }
    }
}
