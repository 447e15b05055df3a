package io.candor.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for API tests: requests go over loopback to the running server. */
public final class Api {

    /** A response: status, headers and the body, parsed as JSON when it is JSON. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public String token(String tenant, String username, String password) {
        Response r = post("/api/v1/auth/token", null,
                "{\"tenant\":\"" + tenant + "\",\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("login failed for " + username + "@" + tenant + ": " + r);
        }
        return r.json().get("token").asString();
    }

    /**
     * The JSON at {@code path}, read every 100 ms until {@code done} holds or {@code within} has passed; the last read
     * either way (the caller asserts on it, so a timeout fails with what was there).
     */
    public JsonNode eventually(String path, String token, java.util.function.Predicate<JsonNode> done, Duration within)
            throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        JsonNode j = get(path, token).json();
        while (!done.test(j) && System.nanoTime() < until) {
            Thread.sleep(100);
            j = get(path, token).json();
        }
        return j;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String token, String json, String... headers) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    public Response put(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart/form-data upload of one file, with optional text fields (name, value, name, value …). */
    public Response upload(String path, String token, String fileName, byte[] content, String... fields) {
        String boundary = "candor-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Charset utf8 = StandardCharsets.UTF_8;
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Polls an import until it has finished, and returns it. */
    /**
     * Imports a placement CSV (as {@code token}) that must import whole, and answers the id of the account placed as
     * {@code creditorRef}.
     */
    public UUID place(String token, String csv, String creditorRef) {
        JsonNode job = awaitImport(upload("/api/v1/imports/placements", token, creditorRef + ".csv",
                csv.getBytes(StandardCharsets.UTF_8)).json().get("id").asString(), token);
        if (!job.get("status").asString().equals("SUCCEEDED") || job.get("rejected").asLong() != 0) {
            throw new AssertionError("the placement did not import whole: " + job);
        }
        return UUID.fromString(get("/api/v1/accounts?limit=500", token).json().get("items").valueStream()
                .filter(a -> a.get("creditorRef").asString().equals(creditorRef)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + creditorRef)).get("id").asString());
    }

    public JsonNode awaitImport(String id, String token) {
        for (int i = 0; i < 600; i++) {
            JsonNode job = get("/api/v1/imports/" + id, token).json();
            String status = job.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish in 60 s");
    }

    public Response send(String method, String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST of raw bytes with their content type (a recording, a file). */
    public Response sendBytes(String path, String token, String contentType, byte[] body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** The raw bytes of a GET (a zip, a file); fails unless the status is 200. */
    public byte[] download(String path, String token) {
        try {
            HttpResponse<byte[]> r = http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
