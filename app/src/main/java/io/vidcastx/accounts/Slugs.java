package io.vidcastx.accounts;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from human names: "Ümlaut Films GmbH" becomes "umlaut-films-gmbh". */
final class Slugs {

    private Slugs() {
    }

    static String from(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "organization" : slug;
    }
}
