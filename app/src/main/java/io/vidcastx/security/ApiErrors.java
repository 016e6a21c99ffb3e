package io.vidcastx.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Mux-shaped JSON errors: {@code {"error":{"type":"...","messages":["..."]}}}. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Vidcastx API\"");
        }
        response.getOutputStream().write(("{\"error\":{\"type\":\"" + escape(type) + "\",\"messages\":[\"" + escape(message)
                + "\"]}}").getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
