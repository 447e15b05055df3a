package io.candor.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on API POSTs: the first request with a key runs; a retry with the same key and the
 * same request gets the stored response again (with {@code Idempotent-Replayed: true}) and changes nothing;
 * the same key with a different request is refused. Keys are scoped to the tenant and the caller.
 */
@Component
@Order(FilterOrder.IDEMPOTENCY)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final IdempotencyStore store;

    IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<UUID> tenant = TenantContext.current();
        Principal principal = request.getUserPrincipal();
        if (tenant.isEmpty() || principal == null) {
            chain.doFilter(request, response); // unauthenticated: security answers
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            ProblemWriter.write(request, response, 400, "Bad request",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID.");
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request, request.getInputStream().readAllBytes());
        byte[] hash = requestHash(cached);
        switch (store.begin(principal.getName(), key, hash)) {
            case IdempotencyStore.Begin.Replay r -> {
                response.setStatus(r.status());
                response.setHeader("Idempotent-Replayed", "true");
                if (r.contentType() != null) {
                    response.setContentType(r.contentType());
                }
                response.getOutputStream().write(r.body());
            }
            case IdempotencyStore.Begin.Mismatch m -> ProblemWriter.write(request, response, 422,
                    "Idempotency-Key reused", "This Idempotency-Key was already used for a different request. "
                            + "Use a new key for a new request; resend exactly the same request to retry.");
            case IdempotencyStore.Begin.InProgress p -> ProblemWriter.write(request, response, 409,
                    "Request in progress", "A request with this Idempotency-Key has not finished yet. "
                            + "Wait and retry; if it never finishes, check the resource before using a new key.");
            case IdempotencyStore.Begin.Started s -> {
                ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
                boolean completed = false;
                try {
                    chain.doFilter(cached, wrapped);
                    if (wrapped.getStatus() < 500) {
                        store.complete(principal.getName(), key, wrapped.getStatus(), wrapped.getContentType(),
                                wrapped.getContentAsByteArray());
                        completed = true;
                    }
                } finally {
                    if (!completed) {
                        store.abandon(principal.getName(), key); // a server error may be retried with the same key
                    }
                    wrapped.copyBodyToResponse();
                }
            }
        }
    }

    private static byte[] requestHash(CachedBodyRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(request.body());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
