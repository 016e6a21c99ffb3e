package io.vidcastx.billing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local server speaking Stripe's wire format (form-encoded requests, JSON answers recorded in the
 * shape of Stripe's API reference) for the endpoints Vidcastx uses. One per JVM; tests point the
 * real stripe-java client at it through {@link StripeConnection#use}.
 */
final class StripeStub {

    record Request(String method, String path, String query, String body, Map<String, List<String>> headers) {

        String form(String name) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        String header(String name) {
            // The JDK server normalizes header names (Idempotency-key): compare without case.
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private static StripeStub instance;

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Path -> status to answer instead (an outage). */
    final Map<String, Integer> failures = new ConcurrentHashMap<>();
    /**
     * Meter events applied, by idempotency key. As Stripe does, a request repeating a key is answered
     * like the first and applied no second time.
     */
    final Map<String, Request> appliedMeterEvents = new ConcurrentHashMap<>();
    /** How many of the next applied meter events lose their answer on the way back (cut off mid-body). */
    final java.util.concurrent.atomic.AtomicInteger lostMeterEventAnswers = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicInteger customers = new java.util.concurrent.atomic.AtomicInteger();

    static synchronized StripeStub get() {
        if (instance == null) {
            instance = new StripeStub();
        }
        return instance;
    }

    private StripeStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void clear() {
        requests.clear();
        failures.clear();
        appliedMeterEvents.clear();
        lostMeterEventAnswers.set(0);
    }

    List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        var request = new Request(method, path, query, body, Map.copyOf(exchange.getRequestHeaders()));
        requests.add(request);
        Integer failure = failures.get(path);
        if (failure != null) {
            send(exchange, failure, """
                    {"error":{"type":"api_error","message":"Stripe is having a bad day"}}""");
            return;
        }
        if ("POST /v1/billing/meter_events".equals(method + " " + path)) {
            String key = request.header("Idempotency-Key");
            boolean firstTime = key != null && appliedMeterEvents.putIfAbsent(key, request) == null;
            if (firstTime && lostMeterEventAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                cutOff(exchange);
                return;
            }
        }
        String json = switch (method + " " + path) {
            case "POST /v1/customers" -> """
                    {"id":"cus_test_n%d","object":"customer","email":null,"livemode":false,"metadata":{}}"""
                    .formatted(customers.incrementAndGet());
            case "POST /v1/checkout/sessions" -> """
                    {"id":"cs_test_a1","object":"checkout.session","mode":"subscription","status":"open",
                     "customer":"cus_test_1","url":"https://checkout.stripe.com/c/pay/cs_test_a1"}""";
            case "POST /v1/billing_portal/sessions" -> """
                    {"id":"bps_test_1","object":"billing_portal.session","customer":"cus_test_1",
                     "url":"https://billing.stripe.com/p/session/test_1"}""";
            case "GET /v1/subscriptions/sub_test_1", "POST /v1/subscriptions/sub_test_1" -> """
                    {"id":"sub_test_1","object":"subscription","customer":"cus_test_1","status":"active",
                     "items":{"object":"list","url":"/v1/subscription_items?subscription=sub_test_1","has_more":false,
                       "data":[{"id":"si_test_1","object":"subscription_item","quantity":1,
                                "price":{"id":"price_test_pro","object":"price","currency":"usd","unit_amount":4900}}]}}""";
            case "DELETE /v1/subscriptions/sub_test_1" -> """
                    {"id":"sub_test_1","object":"subscription","customer":"cus_test_1","status":"canceled"}""";
            case "POST /v1/invoices/create_preview" -> """
                    {"object":"invoice","customer":"cus_test_1","amount_due":45012,"currency":"usd","total":45012}""";
            case "GET /v1/invoices" -> query.contains("starting_after=in_test_2") ? """
                    {"object":"list","url":"/v1/invoices","has_more":false,"data":[
                      {"id":"in_test_3","object":"invoice","number":"VCX-0001","created":1761955200,"amount_due":4900,
                       "currency":"usd","status":"paid","hosted_invoice_url":"https://invoice.stripe.com/i/test_3",
                       "invoice_pdf":"https://pay.stripe.com/invoice/test_3/pdf"}]}""" : """
                    {"object":"list","url":"/v1/invoices","has_more":true,"data":[
                      {"id":"in_test_1","object":"invoice","number":"VCX-0003","created":1767225600,"amount_due":4900,
                       "currency":"usd","status":"open","hosted_invoice_url":"https://invoice.stripe.com/i/test_1",
                       "invoice_pdf":"https://pay.stripe.com/invoice/test_1/pdf"},
                      {"id":"in_test_2","object":"invoice","number":"VCX-0002","created":1764547200,"amount_due":4900,
                       "currency":"usd","status":"paid","hosted_invoice_url":"https://invoice.stripe.com/i/test_2",
                       "invoice_pdf":"https://pay.stripe.com/invoice/test_2/pdf"}]}""";
            case "POST /v1/billing/meter_events" -> """
                    {"object":"billing.meter_event","created":1767225600,"event_name":"vidcastx_encoding_minutes",
                     "identifier":"x","livemode":false,"payload":{},"timestamp":1767225599}""";
            default -> null;
        };
        if (json == null) {
            send(exchange, 404, """
                    {"error":{"type":"invalid_request_error","message":"Unrecognized request URL"}}""");
        } else {
            send(exchange, 200, json);
        }
    }

    /** Applied, but the answer never arrives whole: the body stops halfway and the connection closes. */
    private static void cutOff(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(200, 400);
            exchange.getResponseBody().write("{\"object\":\"billing.meter_event\"".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
        } catch (IOException ignored) {
            // the client may already be gone
        } finally {
            try {
                exchange.close();
            } catch (RuntimeException ignored) {
                // closing a short body fails on purpose
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_test");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
