package io.vidcastx.billing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One invoice as the Billing page lists it. */
public record InvoiceRow(String id, @Nullable String number, Instant date, long amountCents, String currency,
                         @Nullable String status, @Nullable String hostedUrl, @Nullable String pdfUrl) {

    /** A page of invoices, newest first; {@code nextCursor} is null on the last page. */
    public record Page(List<InvoiceRow> invoices, @Nullable String nextCursor) {
    }
}
