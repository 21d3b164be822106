package org.trainingsuite.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first filter of every request, before security and before anything parses it:
 *
 * <ul>
 * <li>The query string must decode as UTF-8 ({@code %FF%FE}, an overlong {@code %C0%AF} or an encoded
 *     surrogate {@code %ED%A0%80} are refused) and hold no control characters; otherwise a 400 problem
 *     naming the parameter. The servlet container would otherwise fail later, deep in parameter parsing,
 *     with a 500.</li>
 * <li>A body may be at most {@code platform.web.max-body-size} (1 MiB): a larger {@code Content-Length}
 *     is a 413 at once, and a body sent without one is counted as it is read and stopped past the limit
 *     ({@link BodyTooLargeException}, a 413 through {@link ProblemDetailsAdvice}).</li>
 * </ul>
 */
final class RequestLimitsFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final JsonMapper json;

    RequestLimitsFilter(DataSize maxBodySize, JsonMapper json) {
        this.maxBodyBytes = maxBodySize.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FieldError badParameter = badQueryParameter(request.getQueryString());
        if (badParameter != null) {
            write(response, Problems.validation(List.of(badParameter)));
            return;
        }
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            // a client that sent Expect: 100-continue has not sent the body and will not: nothing to read
            if (length <= drainLimit(maxBodyBytes) && !"100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
                drain(request.getInputStream(), length);
            }
            write(response, tooLarge(maxBodyBytes));
            return;
        }
        chain.doFilter(length < 0 ? new Bounded(request, maxBodyBytes) : request, response);
    }

    static ProblemDetail tooLarge(long maxBytes) {
        // the same answer the gateway gives, so a client handles one shape wherever the limit struck
        String size = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MiB" : maxBytes / 1024 + " KiB";
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request body too large",
                "The request body may be at most " + size + " (" + maxBytes + " bytes)");
        problem.setProperty("maxBodySize", maxBytes);
        return problem;
    }

    /**
     * How much of an oversized body is still read (and thrown away) before the 413 is written. The container
     * closes the connection after a 413; had the client's bytes not been read, the close would reset the
     * connection and the client could lose the answer. Past this, the client is not worth the bandwidth.
     */
    static long drainLimit(long maxBodyBytes) {
        return 2 * maxBodyBytes;
    }

    static void drain(java.io.InputStream in, long atMost) throws IOException {
        byte[] buffer = new byte[8192];
        long left = atMost;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    /** The first parameter of a raw query string that is not clean UTF-8 text, or null. */
    static FieldError badQueryParameter(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName);
            if (name == null || InputRules.textProblem(name) != null) {
                return new FieldError(printable(rawName), "is not a valid parameter name (UTF-8, percent-encoded)");
            }
            if (eq >= 0) {
                String value = decode(pair.substring(eq + 1));
                if (value == null) {
                    return new FieldError(name, "is not valid percent-encoded UTF-8");
                }
                String problem = InputRules.textProblem(value);
                if (problem != null) {
                    return new FieldError(name, problem);
                }
            }
        }
        return null;
    }

    /** Strict application/x-www-form-urlencoded decoding; null when malformed. */
    private static String decode(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c > 0x7f) {
                return null;
            } else {
                bytes.put((byte) (c == '+' ? ' ' : c));
            }
        }
        bytes.flip();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Thrown while a body without Content-Length is read past the limit. */
    static final class BodyTooLargeException extends IOException {

        final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    /** A request whose body stream stops with {@link BodyTooLargeException} past the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            java.nio.charset.Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = java.nio.charset.Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException unknownCharset) {
                // a client's made-up charset name: read as the suite's JSON always is
            }
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        Counting(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                drain(in, drainLimit(maxBytes) - read);
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
