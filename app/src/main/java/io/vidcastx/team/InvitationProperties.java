package io.vidcastx.team;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitations ({@code vidcastx.invitations.*}). E-mail goes out only when {@code spring.mail.host} is
 * set; otherwise the dashboard shows the link for the admin to pass on.
 *
 * @param expireAfter how long an invitation link works
 * @param mailFrom    the sender of invitation e-mails
 */
@ConfigurationProperties("vidcastx.invitations")
public record InvitationProperties(@DefaultValue("7d") Duration expireAfter,
                                   @DefaultValue("Vidcastx <no-reply@localhost>") String mailFrom) {
}
