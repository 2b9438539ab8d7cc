package org.featureworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 6: the socket H2's AUTO_SERVER opens so other processes can reach the
 * workspace database must listen on loopback only, not on every interface.
 */
class ServerSocketOnLoopbackIT {
    @TempDir
    Path workspace;

    @Test
    void theDatabaseServerListensOnLoopbackOnly() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldingChild.class.getName(), workspace.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("READY", out.readLine());
            Properties lock = new Properties();
            try (Reader r = Files.newBufferedReader(workspace.resolve("online").resolve("workbench.lock.db"),
                    StandardCharsets.ISO_8859_1)) {
                lock.load(r);
            }
            String server = lock.getProperty("server");
            assertTrue(server != null && InetAddress.getByName(server.substring(0, server.lastIndexOf(':')))
                    .isLoopbackAddress(), "advertised address: " + server);
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

            try (Socket viaLoopback = new Socket()) {
                viaLoopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
            List<InetAddress> others = otherAddresses();
            for (InetAddress address : others) {
                assertThrows(IOException.class, () -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(address, port), 2_000);
                    }
                }, "the database server answers on " + address.getHostAddress());
            }
            if (Files.isExecutable(Path.of("/usr/bin/ss")) || Files.isExecutable(Path.of("/bin/ss"))) {
                Process ss = new ProcessBuilder("ss", "-ltn").redirectErrorStream(true).start();
                String listening = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                ss.waitFor(10, TimeUnit.SECONDS);
                List<String> onPort = listening.lines().filter(l -> l.matches(".*[:\\]]" + port + "\\s.*")).toList();
                assertTrue(!onPort.isEmpty() && onPort.stream().allMatch(l -> l.contains("127.0.0.1]:" + port)
                        || l.contains(" 127.0.0.1:" + port)), "ss -ltn: " + onPort);
            }
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /** This host's IPv4 addresses other than loopback (none on a machine without a network). */
    private static List<InetAddress> otherAddresses() throws IOException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .toList();
    }
}
