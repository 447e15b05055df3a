package io.candor.platform.web;

import java.time.DateTimeException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every API error as RFC 9457 problem details whose {@code detail} tells the caller what to fix.
 * Unexpected failures answer 500 with a reference to the log line, never with internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
        p.setProperty("problems", e.problems());
        return p;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        e.properties().forEach(p::setProperty);
        return p;
    }

    /**
     * A constraint the database keeps, hit by what the caller sent: a reference to something that is not there (or is
     * another tenant's), a duplicate, a value out of range — a 4xx naming it, never a 500.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail constraint(DataIntegrityViolationException e) {
        PSQLException pg = null;
        for (Throwable c = e; c != null && pg == null; c = c.getCause()) {
            pg = c instanceof PSQLException p ? p : null;
        }
        String state = pg == null ? "" : String.valueOf(pg.getSQLState());
        ServerErrorMessage m = pg == null ? null : pg.getServerErrorMessage();
        String detail = m == null || m.getDetail() == null ? "" : m.getDetail();
        return switch (state) {
            case "23503" -> problem(HttpStatus.NOT_FOUND, "Not found", "What this refers to does not exist here"
                    + referenced(detail) + ": check the id in the address and in the body.");
            case "23505" -> problem(HttpStatus.CONFLICT, "Conflict", "This already exists (" + (m == null
                    || m.getConstraint() == null ? "a unique key" : m.getConstraint()) + "): it was made before, "
                    + "perhaps by a request at the same moment; read it, or retry with another name.");
            case "23514", "22001", "22003", "22007", "22008" -> problem(HttpStatus.BAD_REQUEST, "Bad request",
                    "A value is outside what is allowed" + (m == null || m.getConstraint() == null ? ""
                    : " (" + m.getConstraint() + ")") + ": see the API documentation for the field's bounds.");
            default -> unexpected(e);
        };
    }

    private static String referenced(String detail) {
        Matcher t = Pattern.compile("in table \"(\\w+)\"").matcher(detail);
        return t.find() ? " (no such " + t.group(1).replace('_', ' ') + ")" : "";
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbiddenBecause(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", String.valueOf(e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this action.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return problem(HttpStatus.BAD_REQUEST, "Bad request",
                "Parameter '" + e.getName() + "' must be a " + expected + ", got '" + e.getValue() + "'.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SizeException size) {
                // the upload was parsed early (a filter read a parameter): the same refusal as in the controller
                return tooLarge(size.getPermittedSize());
            }
        }
        String ref = UUID.randomUUID().toString();
        log.error("Unexpected error {}", ref, e);
        ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; nothing you sent was at fault. Quote reference " + ref + ".");
        p.setProperty("reference", ref);
        return p;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                describe(ex)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.stream().map(m -> m.get("field") + ": " + m.get("message"))
                        .reduce((a, b) -> a + "; " + b).orElse("The request is not valid."));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(ex.getMaxUploadSize()));
    }

    private static ProblemDetail tooLarge(long permitted) {
        String limit = permitted > 0 ? DataSize.ofBytes(permitted).toMegabytes() + " MB"
                : "the limit";
        return problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", "The file is larger than " + limit
                + ", the most an upload may be here: split it into smaller files, or ask your administrator to raise "
                + "candor.imports.max-file-size.");
    }

    /** Jackson's messages name the field and the problem; keep those, drop the internals. */
    static String describe(HttpMessageNotReadableException ex) {
        // a value Jackson could not turn into a date, a time or a number: name the field and say what it must be
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof DatabindException d && !d.getPath().isEmpty()
                    && ex.getMostSpecificCause() instanceof DateTimeException dt) {
                return "Field '" + path(d) + "' is not a valid date or time: " + dt.getMessage()
                        + ". Write dates as yyyy-MM-dd (a day of the calendar) and instants as 2026-03-02T10:00:00Z.";
            }
        }
        return describe(ex.getMostSpecificCause());
    }

    static String describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + u.getPropertyName() + "'. Known fields: " + u.getKnownPropertyIds() + ".";
        }
        if (cause instanceof InvalidFormatException f) {
            return "Field '" + path(f) + "' has the value " + f.getValue() + ", which is not a valid "
                    + f.getTargetType().getSimpleName() + ".";
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            Class<?> type = m.getTargetType();
            String target = type == null ? "value"
                    : Collection.class.isAssignableFrom(type) || type.isArray() ? "list (a JSON array)"
                    : type.getSimpleName();
            return "Field '" + path(m) + "' must be a " + target + ".";
        }
        if (cause instanceof JacksonException j) {
            return "The body is not valid JSON: " + j.getOriginalMessage()
                    + (j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr()
                    + ", column " + j.getLocation().getColumnNr() + ")") + ".";
        }
        return "The request body could not be read: send a JSON object with Content-Type: application/json.";
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("?");
    }

    static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        p.setTitle(title);
        return p;
    }
}
