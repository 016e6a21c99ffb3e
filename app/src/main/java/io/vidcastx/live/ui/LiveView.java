package io.vidcastx.live.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.base.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

@Route("live")
@PageTitle("Live | Vidcastx")
@Menu(title = "Live", order = 3, icon = "vaadin:signal")
@PermitAll
final class LiveView extends VerticalLayout {

    LiveView() {
        add(new NotBuiltYet("Live", "Create live streams with an RTMP ingest URL and stream key, and watch them as HLS with a recording kept afterwards."));
    }
}
