package io.vidcastx.transcripts;

import io.vidcastx.AppTestSupport;
import io.vidcastx.core.captions.TranscriptStore;
import io.vidcastx.core.storage.StorageService;
import io.vidcastx.db.ids.OrganizationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Tests of captions and transcripts: the owner's organization and fixtures whose videos go afterwards. */
public abstract class TranscriptTestSupport extends AppTestSupport {

    @Autowired
    protected StorageService storage;
    @Autowired
    protected TranscriptStore store;

    protected OrganizationId organization;
    protected TranscriptFixtures fixtures;

    @BeforeEach
    void transcriptFixtures() {
        ensureOwner();
        organization = ownersOrganization();
        fixtures = new TranscriptFixtures(dsl, storage, store);
    }

    @AfterEach
    void removeFixtureVideos() {
        fixtures.deleteCreated();
    }
}
