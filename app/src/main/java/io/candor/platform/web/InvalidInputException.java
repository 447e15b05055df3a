package io.candor.platform.web;

import java.util.List;

/** A document the caller sent with several problems: the message sums up, {@code problems} lists each one. */
public class InvalidInputException extends BadRequestException {

    private final transient List<?> problems;

    public InvalidInputException(String message, List<?> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<?> problems() {
        return problems;
    }
}
