package io.vidcastx.core.youtube;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a person asked YouTube to show: the {@code snippet} and {@code status} of the video resource,
 * the transcripts to send as captions and an optional thumbnail. Checked against YouTube's documented
 * limits here, so a mistake is reported at once rather than by a failed upload later.
 */
public record PublishRequest(String title, String description, List<String> tags, String categoryId, String privacy,
                             @Nullable OffsetDateTime publishAt, boolean madeForKids, List<String> captionLanguages,
                             @Nullable String thumbnailKey) {

    public static final Set<String> PRIVACY = Set.of("private", "unlisted", "public");
    /** People & Blogs, YouTube's default category. */
    public static final String DEFAULT_CATEGORY = "22";

    public PublishRequest {
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).toList();
        categoryId = categoryId == null || categoryId.isBlank() ? DEFAULT_CATEGORY : categoryId.strip();
        captionLanguages = captionLanguages == null ? List.of() : List.copyOf(captionLanguages);
    }

    /** The same request with the storage key of the picture to send as its thumbnail. */
    public PublishRequest withThumbnailKey(@Nullable String key) {
        return new PublishRequest(title, description, tags, categoryId, privacy, publishAt, madeForKids, captionLanguages, key);
    }

    /** @return the problems a person must fix, empty when YouTube should accept it */
    public List<String> problems() {
        var problems = new java.util.ArrayList<String>();
        if (title.isEmpty()) {
            problems.add("title must not be empty");
        } else if (title.codePointCount(0, title.length()) > 100) {
            problems.add("title must be at most 100 characters");
        }
        if (title.contains("<") || title.contains(">") || description.contains("<") || description.contains(">")) {
            problems.add("title and description must not contain < or > (YouTube refuses them)");
        }
        if (description.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 5000) {
            problems.add("description must be at most 5000 bytes");
        }
        if (String.join(",", tags).length() > 500) {
            problems.add("tags must be at most 500 characters together");
        }
        if (!categoryId.matches("[0-9]{1,3}")) {
            problems.add("category must be a YouTube category id such as 22");
        }
        if (privacy == null || !PRIVACY.contains(privacy)) {
            problems.add("privacy must be one of private, unlisted, public");
        }
        if (publishAt != null && !"private".equals(privacy)) {
            problems.add("a scheduled publish time needs privacy private (YouTube makes it public at that time)");
        }
        for (String language : captionLanguages) {
            if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                problems.add("caption language '" + language + "' is not a language code");
            }
        }
        return problems;
    }
}
