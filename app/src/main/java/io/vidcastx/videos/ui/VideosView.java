package io.vidcastx.videos.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vidcastx.base.ui.NotBuiltYet;
import jakarta.annotation.security.PermitAll;

@Route("videos")
@PageTitle("Videos | Vidcastx")
@Menu(title = "Videos", order = 1)
@PermitAll
final class VideosView extends VerticalLayout {

    VideosView() {
        add(new NotBuiltYet("Videos", "Upload videos by drag and drop or through the API, follow their transcoding live, and open each one to play it, edit it and copy its embed code."));
    }
}
