package io.vidcastx.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Vaadin answers every path nothing else claims with the dashboard's HTML shell. Under the API and
 * media prefixes that would hand a client HTML where it expects JSON or bytes, so the least specific
 * mapping of each prefix lands here instead: 404 in Mux's error shape, or 405 (with {@code Allow})
 * when the path exists but not for this method.
 */
@Hidden
@RestController
class UnknownPathController {

    private final RequestMappingHandlerMapping mappings;

    UnknownPathController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping({"/video/v1/**", "/system/v1/**", "/data/v1/**", "/stream/**", "/image/**", "/embed/**",
            "/uploads/**"})
    ResponseEntity<Map<String, Object>> unknown(HttpServletRequest request) {
        Set<String> allowed = methodsFor(request);
        if (allowed.isEmpty()) {
            return ApiExceptionHandler.error(HttpStatus.NOT_FOUND, "not_found", "No such path: " + request.getRequestURI());
        }
        if (allowed.contains(request.getMethod())) {
            // The path and method exist; the request's Accept or Content-Type is what no mapping takes.
            return ApiExceptionHandler.error(HttpStatus.NOT_ACCEPTABLE, "invalid_request",
                    "This path does not answer or take the media types of this request");
        }
        if (request.getMethod().equals("OPTIONS")) {
            return ResponseEntity.noContent().header(HttpHeaders.ALLOW, allow(allowed)).build();
        }
        var error = ApiExceptionHandler.error(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request",
                request.getMethod() + " is not supported here; use " + String.join(", ", allowed));
        return ResponseEntity.status(error.getStatusCode()).header(HttpHeaders.ALLOW, allow(allowed)).body(error.getBody());
    }

    /** The methods of the other mappings whose path matches this request: empty when none does. */
    private Set<String> methodsFor(HttpServletRequest request) {
        Set<String> methods = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (entry.getValue().getBeanType() == UnknownPathController.class) {
                continue;
            }
            var paths = entry.getKey().getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) != null) {
                var declared = entry.getKey().getMethodsCondition().getMethods();
                if (declared.isEmpty()) {
                    methods.add("GET"); // a mapping without methods takes any: the request's method must have failed elsewhere
                }
                declared.forEach(method -> methods.add(method.name()));
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return methods;
    }

    private static String allow(Set<String> methods) {
        var withOptions = new TreeSet<>(methods);
        withOptions.add("OPTIONS");
        return String.join(", ", withOptions);
    }
}
