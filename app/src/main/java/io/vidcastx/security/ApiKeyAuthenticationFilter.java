package io.vidcastx.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Basic base64(tokenId:secret)} (as Mux clients send) or
 * {@code Bearer tokenId:secret}. A request with a key that does not check out is refused with 401
 * at once; a request without one continues (another mechanism, or the entry point, decides).
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeyAuthenticator keys;
    private final SecurityContextHolderStrategy contexts;

    ApiKeyAuthenticationFilter(ApiKeyAuthenticator keys, SecurityContextHolderStrategy contexts) {
        this.keys = keys;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var credentials = credentials(request.getHeader("Authorization"));
        if (credentials.isPresent()) {
            var owner = keys.authenticate(credentials.get()[0], credentials.get()[1]);
            if (owner.isEmpty()) {
                ApiErrors.write(response, 401, "unauthorized", "The API key is unknown, revoked or wrong");
                return;
            }
            var context = contexts.createEmptyContext();
            context.setAuthentication(new ApiKeyAuthentication(owner.get()));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    static Optional<String[]> credentials(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value;
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                value = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of(new String[] {"", ""});
            }
        } else if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = header.substring(7).strip();
        } else {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        return Optional.of(colon < 0 ? new String[] {value, ""} : new String[] {value.substring(0, colon), value.substring(colon + 1)});
    }
}
