package org.trainingsuite.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One HTTP/1.1 POST over a plain socket, for what client libraries hide: when the answer comes compared to
 * the body, whether the connection is closed after it, and how much of a body the server let the client send.
 * The body is sent by a thread of its own while the answer is read, as a browser would; it stops when the
 * server no longer takes it, or after {@link #SENDING_AT_MOST}.
 */
final class RawRequest {

    static final Duration SENDING_AT_MOST = Duration.ofSeconds(10);

    /** @param closed the server closed the connection after the answer */
    record Answer(int status, Map<String, String> headers, String body, long bodyBytesSent, boolean closed) {
    }

    enum Framing { CONTENT_LENGTH, CHUNKED }

    private RawRequest() {
    }

    /**
     * POSTs {@code bodyBytes} zeros ({@link Long#MAX_VALUE} with chunked framing: a body that never ends).
     *
     * @param bodyAfterAnswer send no byte of the body before the answer is in
     */
    static Answer post(int port, String path, String authorization, Framing framing, long bodyBytes,
            boolean bodyAfterAnswer) throws IOException, InterruptedException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) SENDING_AT_MOST.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization + "\r\n"
                    + "Content-Type: application/octet-stream\r\n"
                    + (framing == Framing.CHUNKED ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Runnable sendBody = () -> sendBody(out, framing, bodyBytes, sent);
            Thread sender = bodyAfterAnswer ? null : Thread.ofVirtual().start(sendBody);
            Answer answer = readAnswer(socket, sent);
            if (sender != null) {
                sender.join(SENDING_AT_MOST.toMillis() + 1000);
            }
            return answer;
        }
    }

    private static void sendBody(OutputStream out, Framing framing, long bodyBytes, AtomicLong sent) {
        byte[] chunk = new byte[64 * 1024];
        long deadline = System.nanoTime() + SENDING_AT_MOST.toNanos();
        try {
            while (sent.get() < bodyBytes && System.nanoTime() < deadline) {
                int size = (int) Math.min(chunk.length, bodyBytes - sent.get());
                if (framing == Framing.CHUNKED) {
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk, 0, size);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(chunk, 0, size);
                }
                sent.addAndGet(size);
            }
            if (framing == Framing.CHUNKED && sent.get() >= bodyBytes) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException serverStoppedReading) {
            // what the endless body is for
        }
    }

    private static Answer readAnswer(Socket socket, AtomicLong sent) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean closed = false;
        int headEnd = -1;
        int contentLength = -1;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketException reset) {
                // a close with unread body bytes is a reset: the answer was read before it
                closed = true;
                break;
            }
            if (n < 0) {
                closed = true;
                break;
            }
            received.write(buffer, 0, n);
            String soFar = received.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = soFar.indexOf("\r\n\r\n")) >= 0) {
                contentLength = Integer.parseInt(headers(soFar.substring(0, headEnd)).getOrDefault("content-length", "-1"));
            }
            if (headEnd >= 0 && contentLength >= 0 && received.size() >= headEnd + 4 + contentLength) {
                closed = closedAfter(socket);
                break;
            }
        }
        String all = received.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0) {
            throw new IOException("No answer before the connection ended: '" + all + "'");
        }
        String head = all.substring(0, headEnd);
        return new Answer(Integer.parseInt(head.substring(9, 12)), headers(head),
                new String(all.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                sent.get(), closed);
    }

    /** Whether the server ends the connection (it does so at once when it does; a kept one stays silent). */
    private static boolean closedAfter(Socket socket) {
        try {
            socket.setSoTimeout(2000);
            return socket.getInputStream().read() < 0;
        } catch (SocketException reset) {
            return true;
        } catch (IOException keptOpen) {
            return false;
        }
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
