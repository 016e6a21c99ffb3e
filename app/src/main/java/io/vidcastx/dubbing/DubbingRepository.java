package io.vidcastx.dubbing;

import java.util.Optional;

import io.vidcastx.core.videos.VideoStatus;
import io.vidcastx.db.ids.OrganizationId;
import io.vidcastx.db.ids.VideoId;

/** What dubbing needs to know of a video of the organization. */
public interface DubbingRepository {

    Optional<VideoStatus> videoStatus(OrganizationId organizationId, VideoId videoId);
}
