package io.vidcastx.core.config;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vidcastx.db.ids.ApiKeyId;
import io.vidcastx.db.ids.JobId;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.RenditionId;
import io.vidcastx.db.ids.UploadId;
import io.vidcastx.db.ids.UserId;
import io.vidcastx.db.ids.VideoId;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes typed ids as their bare UUID string ({@code "videoId": "3f1c..."}) in job payloads and API
 * bodies, rather than as {@code {"value": ...}} objects. The db module stays free of Jackson.
 */
public class TypedIdJacksonModule extends SimpleModule {

    public TypedIdJacksonModule() {
        super("vidcastx-typed-ids");
        for (Class<?> type : new Class<?>[] {OrganizationId.class, UserId.class, VideoId.class, RenditionId.class,
                JobId.class, UploadId.class, ApiKeyId.class}) {
            setMixInAnnotation(type, UuidValueMixin.class);
        }
    }

    abstract static class UuidValueMixin {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        UuidValueMixin(UUID value) {
        }

        @JsonValue
        abstract UUID value();
    }
}
