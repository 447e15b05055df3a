package io.candor.identity;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A caller whose role may not do something is told so before anything they sent is read: the handler's
 * {@code @PreAuthorize} (method or class) is checked before its body is parsed and validated, so a collector posting
 * an empty body where only an auditor may post hears 403, not what was wrong with the body. The method security proxy
 * checks the same expression again when the method runs; Candor's expressions are all about roles.
 */
final class RolesBeforeReading implements HandlerInterceptor {

    private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
    private final Map<Method, Expression> parsed = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod h)) {
            return true;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        Expression rule = rule(h);
        if (who == null || rule == null) {
            return true;
        }
        EvaluationContext context = expressions.createEvaluationContext(() -> who,
                new SimpleMethodInvocation(h.getBean(), h.getMethod()));
        if (!ExpressionUtils.evaluateAsBoolean(rule, context)) {
            throw new AccessDeniedException("Your role does not allow this action.");
        }
        return true;
    }

    private @Nullable Expression rule(HandlerMethod h) {
        PreAuthorize on = AnnotatedElementUtils.findMergedAnnotation(h.getMethod(), PreAuthorize.class);
        if (on == null) {
            on = AnnotatedElementUtils.findMergedAnnotation(h.getBeanType(), PreAuthorize.class);
        }
        if (on == null) {
            return null;
        }
        String value = on.value();
        return parsed.computeIfAbsent(h.getMethod(), m -> expressions.getExpressionParser().parseExpression(value));
    }
}
