package io.vidcastx.team;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends an invitation link by e-mail, plain text so that every mail client shows the link as is. */
final class InvitationMailer {

    private final JavaMailSender sender;
    private final String from;

    InvitationMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    /** @throws MailException when the SMTP server refuses or cannot be reached */
    void send(String to, String organizationName, String inviterName, String link, OffsetDateTime expiresAt) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(inviterName + " invited you to " + organizationName + " on Vidcastx");
        message.setText("""
                %s invited you to join %s on Vidcastx.

                Accept the invitation here:
                %s

                The link works until %s (UTC). If you did not expect it, ignore this message.
                """.formatted(inviterName, organizationName, link,
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(expiresAt.atZoneSameInstant(java.time.ZoneOffset.UTC))));
        sender.send(message);
    }
}
