package io.candor.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the Candor REST API for one CLI command, signing in first when given a password. */
final class ApiClient {

    private static final Pattern FIELD = Pattern.compile("\"(token|title|detail|id|status)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String server;
    private final Credentials credentials;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(String server, Credentials credentials, PrintStream out) {
        this.server = server.replaceAll("/+$", "");
        this.credentials = credentials;
        this.out = out;
    }

    /** Prints a new token. */
    int login() {
        out.println(token());
        return 0;
    }

    /** GETs a path and prints the JSON; a password sign-in is revoked afterwards. */
    int get(String path) {
        return call(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** POSTs JSON to a path and prints the answer; a password sign-in is revoked afterwards. */
    int post(String path, String json) {
        return call(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** PUTs JSON to a path and prints the answer; a password sign-in is revoked afterwards. */
    int put(String path, String json) {
        return call(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** DELETEs a path and prints the answer; a password sign-in is revoked afterwards. */
    int delete(String path) {
        return call(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** POSTs JSON to a path and prints one text field of the answer (e.g. a link's {@code url}). */
    int post(String path, String json, String field) {
        return call(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)),
                body -> JsonMapper.builder().build().readTree(body).path(field).asString());
    }

    private int call(HttpRequest.Builder request) {
        return call(request, body -> body);
    }

    private int call(HttpRequest.Builder request, UnaryOperator<String> show) {
        String token = token();
        try {
            out.println(show.apply(send(request.header("Authorization", "Bearer " + token))));
            return 0;
        } finally {
            if (credentials instanceof Credentials.Password) {
                send(HttpRequest.newBuilder(uri("/api/v1/auth/token")).header("Authorization", "Bearer " + token)
                        .DELETE());
            }
        }
    }

    /**
     * Uploads a file as multipart/form-data to {@code path}, then follows the import job it starts until it has
     * finished, drawing a progress bar on {@code progress} when given; prints the finished job.
     */
    int importFile(String path, Path file, Map<String, String> fields,
            @Nullable PrintStream progress) {
        String token = token();
        try {
            String boundary = "candor-" + UUID.randomUUID();
            StringBuilder head = new StringBuilder();
            fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(file.getFileName()).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            HttpRequest.BodyPublisher body;
            try {
                body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString()),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
            } catch (FileNotFoundException e) {
                throw new CandorCli.UsageException("cannot read " + file + ": no such file");
            }
            String submitted = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
            String id = field(submitted, "id");
            String job;
            long started = System.nanoTime();
            while (true) {
                job = send(HttpRequest.newBuilder(uri("/api/v1/imports/" + id)).header("Authorization", "Bearer " + token).GET());
                String status = field(job, "status");
                if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                    break;
                }
                if (progress != null) {
                    progress.print("\r" + ProgressBar.render(number(job, "bytesRead"), number(job, "bytesTotal"),
                            number(job, "rowsRead"), (System.nanoTime() - started) / 1e9));
                    progress.flush();
                }
                sleep();
            }
            if (progress != null) {
                progress.println();
            }
            out.println(job);
            return field(job, "status").equals("SUCCEEDED") ? 0 : 1;
        } finally {
            if (credentials instanceof Credentials.Password) {
                send(HttpRequest.newBuilder(uri("/api/v1/auth/token")).header("Authorization", "Bearer " + token).DELETE());
            }
        }
    }

    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted");
        }
    }

    private String token() {
        return switch (credentials) {
            case Credentials.Token t -> t.token();
            case Credentials.Password p -> {
                String body = "{\"tenant\":" + json(p.tenant()) + ",\"username\":" + json(p.user())
                        + ",\"password\":" + json(p.password()) + "}";
                String response = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
                yield field(response, "token");
            }
        };
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                String detail = field(r.body(), "detail");
                throw new ApiException(r.statusCode() + " " + field(r.body(), "title")
                        + (detail.isEmpty() ? "" : ": " + detail) + problems(r.body()));
            }
            return r.body();
        } catch (ConnectException e) {
            throw new ApiException("cannot reach the Candor server at " + server
                    + " — is it running? Start it with 'bin/candor serve' (the commands then find it), or point them at "
                    + "it with --server URL or CANDOR_SERVER.");
        } catch (IOException e) {
            throw new ApiException("talking to " + server + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted");
        }
    }

    /** The problems a refusal lists, one per line ("  field: what to do"), or nothing. */
    static String problems(String body) {
        try {
            JsonNode list = JsonMapper.builder().build().readTree(body).path("problems");
            StringBuilder out = new StringBuilder();
            for (JsonNode p : list) {
                out.append("\n  ");
                if (p.isObject()) {
                    List<String> parts = new ArrayList<>();
                    p.properties().forEach(e -> parts.add(e.getValue().isString() ? e.getValue().asString()
                            : e.getValue().toString()));
                    out.append(String.join(": ", parts));
                } else {
                    out.append(p.isString() ? p.asString() : p.toString());
                }
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private URI uri(String path) {
        try {
            return URI.create(server + path);
        } catch (IllegalArgumentException e) {
            throw new CandorCli.UsageException("--server '" + server + "' is not a valid URL");
        }
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
            }
        }
        return "";
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The server refused or could not be reached. */
    static final class ApiException extends RuntimeException {
        ApiException(String message) {
            super(message);
        }
    }
}
