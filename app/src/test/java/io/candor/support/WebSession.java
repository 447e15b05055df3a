package io.candor.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A browser's session over plain HTTP: cookies kept, redirects followed, forms posted with the CSRF token of the page
 * they are on. For page tests that need no JavaScript (the browser tests drive Chromium for those that do).
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A page as served: the status, where the redirects ended, and the HTML. */
    public record Page(int status, URI uri, String body) {

        public String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no CSRF token on " + uri + ":\n" + body);
            }
            return m.group(1);
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public WebSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in to the staff pages with the login form. */
    public WebSession signIn(String tenant, String username, String password) {
        Page login = get("/login");
        Page after = post("/login", login.csrf(), Map.of("tenant", tenant, "username", username, "password", password));
        if (after.uri().getPath().startsWith("/login")) {
            throw new AssertionError("sign-in failed for " + username);
        }
        return this;
    }

    public Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept-Language", "en").GET());
    }

    public Page get(String pathOrUrl, String acceptLanguage) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept-Language", acceptLanguage).GET());
    }

    /** A download's bytes (a workbook, a PDF). */
    public byte[] bytes(String pathOrUrl) {
        try {
            return http.send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the given CSRF token (from the page the form is on). */
    public Page post(String pathOrUrl, String csrf, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String form = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Posts a form whose fields may repeat (several values of one name), with the CSRF token of its page. */
    public Page postAll(String pathOrUrl, String csrf, List<Map.Entry<String, String>> fields) {
        String form = Stream.concat(fields.stream(), Stream.of(Map.entry("_csrf", csrf)))
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Posts a multipart form with one file (field {@code file}) and the CSRF token of the page it is on. */
    public Page upload(String pathOrUrl, String csrf, String fileName, byte[] content, Map<String, String> fields) {
        return upload(pathOrUrl, csrf, "file", fileName, content, fields);
    }

    /** Posts a multipart form with one file in the field {@code fileField}. */
    public Page upload(String pathOrUrl, String csrf, String fileField, String fileName, byte[] content,
            Map<String, String> fields) {
        String boundary = "candor-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        all.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.uri(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
