package org.featureworkbench.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cheapest possible server for {@code bench api}: a thread per kept-alive connection that reads
 * each request's head and body and answers every one with the same bytes, a GetRecord response
 * captured from the real endpoint. No store, no routing, no JSON. An SDK client measured against
 * it shows what the client alone costs, so the SDK rows' ceiling on this machine is a number of
 * the same run rather than an inference. Its threads are named like the real server's
 * ({@code fwb-api…}), so their CPU is counted as the server's.
 */
final class CannedResponder implements AutoCloseable {
    private final ServerSocket listener;
    private final byte[] response;
    private final AtomicInteger connections = new AtomicInteger();

    /** Listens on a free loopback port; answers every request with status 200 and {@code body}. */
    CannedResponder(String contentType, byte[] body) throws IOException {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: " + contentType
                + "\r\nx-amzn-RequestId: 00000000-0000-0000-0000-000000000000\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        this.response = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, response, 0, headBytes.length);
        System.arraycopy(body, 0, response, headBytes.length, body.length);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fwb-api-canned-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread connection = new Thread(() -> serve(socket), "fwb-api-canned-" + connections.incrementAndGet());
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
            OutputStream out = socket.getOutputStream();
            while (true) {
                long bodyLength = readHead(in);
                if (bodyLength < 0) {
                    return;
                }
                in.skipNBytes(bodyLength);
                out.write(response);
                out.flush();
            }
        } catch (IOException clientWentAway) {
            // the client closed its connection: nothing to answer
        }
    }

    /** Reads one request's head; returns its Content-Length (0 without one), or -1 at end of stream. */
    private static long readHead(InputStream in) throws IOException {
        long length = 0;
        StringBuilder line = new StringBuilder(128);
        boolean first = true;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            if (c == '\r') {
                continue;
            }
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            if (line.length() == 0 && !first) {
                return length;
            }
            if (line.length() > 15 && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
            first = false;
            line.setLength(0);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
