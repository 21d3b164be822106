package org.trainingsuite.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a controller method's {@code @PreAuthorize} before its arguments are read, so a caller whose role
 * does not allow the action gets 403 whatever body they sent, rather than a 400 listing the fields of an
 * operation they may not use. The method security interceptor still checks again at the call; this only
 * moves the answer earlier. The suite's role rules take no method arguments ({@code hasRole('ADMIN')}), so
 * they can be judged before the arguments exist.
 */
final class RoleCheckInterceptor implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().contains("#")) {
            return true;
        }
        AuthorizationResult result = roles.authorize(() -> SecurityContextHolder.getContext().getAuthentication(),
                new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("Access Denied", result);
        }
        return true;
    }
}
