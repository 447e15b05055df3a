package io.candor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller: an unknown API path or method answers with problem details; pages
 * keep Spring Boot's HTML error page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmappedApiRequests {

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchPath(NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        return ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "Not found",
                "There is no API endpoint " + request.getRequestURI() + "; see /v3/api-docs for the API.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        return ApiExceptionHandler.problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                request.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods() + ".");
    }
}
