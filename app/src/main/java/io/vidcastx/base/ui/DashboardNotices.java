package io.vidcastx.base.ui;

import java.util.List;

/**
 * A source of notices the whole dashboard shows above every page (an endpoint Vidcastx had to
 * disable, say). Features implement it as a Spring bean; the layout asks each one on every navigation.
 */
public interface DashboardNotices {

    /** A short message and the path of the page where it can be acted on. */
    record Notice(String text, String path) {
    }

    /** The notices for the signed-in person's organization; none when nobody is signed in. */
    List<Notice> current();
}
