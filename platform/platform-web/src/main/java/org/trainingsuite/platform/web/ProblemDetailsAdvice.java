package org.trainingsuite.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.errors.ServiceUnavailableException;

/**
 * Maps every error to an RFC 9457 problem response ({@code application/problem+json}):
 * validation to 400 with an {@code errors} list naming each field, {@link NotFoundException} to 404,
 * {@link ConflictException}, a stale version and a unique-key clash to 409, a denied access to 403,
 * {@link ServiceUnavailableException} to 503, and
 * anything unexpected to a 500 that leaks no internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        List<FieldError> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(e -> new FieldError(e.getObjectName(), e.getDefaultMessage()))
                .toList();
        return problem(Problems.validation(concat(errors, global)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return problem(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestLimitsFilter.BodyTooLargeException tooLarge = cause(ex, RequestLimitsFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return problem(RequestLimitsFilter.tooLarge(tooLarge.maxBytes));
        }
        FieldError field = fieldError(ex);
        if (field != null) {
            return problem(Problems.validation(List.of(field)));
        }
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                "The request body is not valid JSON for this resource"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return problem(Problems.validation(List.of(new FieldError(ex.getName(), "is not a valid value: " + ex.getValue()))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problem(Problems.validation(errors));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException ex) {
        return problem(Problems.validation(List.of(new FieldError(ex.field(), ex.getMessage()))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        return problem(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage()));
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<Object> unavailable(ServiceUnavailableException ex) {
        log.warn("Dependency unavailable: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", ex.getMessage()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> staleVersion(OptimisticLockingFailureException ex) {
        return problem(Problems.of(HttpStatus.CONFLICT, "stale-version", "Conflicting change",
                "Someone else changed this resource meanwhile; read it again and retry"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
        if (isDataException(ex)) {
            // SQL state class 22: a value the database cannot hold (out of range, bad text). The input rules
            // catch these with the field named; this is the net for a value they let through.
            log.warn("Value refused by the database: {}", ex.getMostSpecificCause().getMessage());
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "A value of the request is outside what can be stored"));
        }
        log.info("Data integrity violation: {}", ex.getMostSpecificCause().getMessage());
        return problem(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "The change clashes with existing data (a duplicate or a missing reference)"));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> denied(RuntimeException ex) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this action"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; it has been logged"));
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** The field a JSON reading failure is about, as the client wrote it ({@code members[2].personId}), or null. */
    private static FieldError fieldError(HttpMessageNotReadableException ex) {
        tools.jackson.core.JacksonException jackson = cause(ex, tools.jackson.core.JacksonException.class);
        if (jackson == null || jackson.getPath().isEmpty()) {
            return null;
        }
        String path = jackson.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        return new FieldError(path, readableReason(jackson));
    }

    private static String readableReason(tools.jackson.core.JacksonException ex) {
        if (ex instanceof tools.jackson.databind.exc.InvalidFormatException invalid
                && !(invalid.getValue() instanceof String) && invalid.getValue() != null
                && invalid.getTargetType() != null && !invalid.getTargetType().isInstance(invalid.getValue())) {
            return "is not a valid " + typeName(invalid.getTargetType());
        }
        if (ex instanceof tools.jackson.databind.exc.InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isInstance(invalid.getValue())) {
            // refused by a rule of InputRules: its message is the reason
            return ex.getOriginalMessage();
        }
        if (ex instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "is not a valid " + typeName(mismatch.getTargetType());
        }
        if (ex instanceof tools.jackson.core.exc.InputCoercionException coercion && coercion.getTargetType() != null) {
            return "is out of range for " + typeName(coercion.getTargetType());
        }
        if (ex instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
            return "is not a field of this resource";
        }
        return "is not a valid value";
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "whole number in range";
        }
        if (type == java.math.BigDecimal.class || type == double.class || type == Double.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type.getPackageName().equals("java.time")) {
            return "ISO-8601 date-time";
        }
        if (type.isEnum()) {
            return "value; one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type == String.class) {
            return "text";
        }
        return "object";
    }

    private static boolean isDataException(DataIntegrityViolationException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return b.isEmpty() ? a : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
