package org.trainingsuite.platform.test.fuzz;

/**
 * One fuzzed request and what came back, as the report shows it.
 *
 * @param operation    "METHOD /path/{template}" of the API document
 * @param method       the HTTP method sent
 * @param url          the URL exactly as sent (percent-encodings, malformed ones included)
 * @param role         the token sent
 * @param subject      the token's subject, or null without a token
 * @param mutation     what was made invalid ("valid" for a valid-looking request), e.g. "query page: -1"
 * @param contentType  the Content-Type sent, or null
 * @param requestBody  the body sent (decoded as UTF-8, shortened), or null
 * @param status       the answer's status; -1 when no answer came (connection closed, timeout), 0 when the
 *                     HTTP client refused to send it (not counted either way)
 * @param responseBody the answer's body (shortened), or the error when there was no answer
 * @param millis       how long it took
 */
public record Exchange(String operation, String method, String url, TokenRole role, String subject, String mutation,
                       String contentType, String requestBody, int status, String responseBody, long millis) {

    /** A 5xx, or no answer at all: what a service must never do whatever it is sent. */
    public boolean isFailure() {
        return status < 0 || status >= 500;
    }

    /**
     * The request went past routing and security: a 2xx, or a 4xx other than 401, 403, 405 and 415
     * (a 400 or 404 means the operation's own code or validation looked at the input).
     */
    public boolean reachedOperation() {
        return status >= 200 && status < 300
                || status >= 400 && status < 500 && status != 401 && status != 403 && status != 405 && status != 415;
    }
}
