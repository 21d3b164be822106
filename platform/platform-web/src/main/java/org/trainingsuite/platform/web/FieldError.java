package org.trainingsuite.platform.web;

/**
 * One invalid input in a 400 problem response ({@code errors} member).
 *
 * @param field   the field as the client sent it, e.g. {@code email} or {@code members[2].personId}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
