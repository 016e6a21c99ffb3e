package io.vidcastx.base.ui;

import java.util.Optional;

import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.vidcastx.accounts.AccountService;
import io.vidcastx.accounts.SignedInAccount;

/** The organization's logo as an image streamed from storage through the session, or nothing. */
public final class OrganizationLogo {

    private OrganizationLogo() {
    }

    public static Optional<Image> of(AccountService accounts, SignedInAccount account, String maxHeight) {
        if (account.logoKey() == null) {
            return Optional.empty();
        }
        var image = new Image(DownloadHandler.fromInputStream(download -> accounts.logo(account)
                .map(logo -> new DownloadResponse(logo.body(), "logo", logo.contentType(), logo.size()))
                .orElseGet(() -> DownloadResponse.error(404))), account.organizationName() + " logo");
        image.setMaxHeight(maxHeight);
        image.addClassName("organization-logo");
        return Optional.of(image);
    }
}
