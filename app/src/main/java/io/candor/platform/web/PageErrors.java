package io.candor.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A staff page asked for something that is not there or not valid answers with a page in the user's language that
 * says what went wrong and how to go on — a user's mistake, so nothing is logged as an error. The API's answers are
 * {@link ApiExceptionHandler}'s (it comes first for REST controllers).
 */
@ControllerAdvice(basePackages = {"io.candor.workbench", "io.candor.insight", "io.candor.identity",
        "io.candor.strategy", "io.candor.compliance", "io.candor.console", "io.candor.demo", "io.candor.operator",
        "io.candor.portfolio", "io.candor.channel", "io.candor.template", "io.candor.scoring", "io.candor.audit", "io.candor.evidence"})
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return page(404, "error.notFound", new Object[0], e, model, response);
    }

    @ExceptionHandler(BadRequestException.class)
    String badRequest(BadRequestException e, Model model, HttpServletResponse response) {
        return e.key() != null ? page(400, e.key(), e.args(), e, model, response)
                : page(400, "error.badRequest", new Object[] {e.getMessage()}, e, model, response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badValue(Exception e, Model model, HttpServletResponse response) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return page(400, "error.badValue", new Object[] {name}, e, model, response);
    }

    private String page(int status, String key, Object[] args, Exception e, Model model, HttpServletResponse response) {
        log.debug("Page refused ({}): {}", status, e.getMessage());
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", messages.getMessage(key, args, LocaleContextHolder.getLocale()));
        return "error-page";
    }
}
