package io.circuitos.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Loopback ports for tests. */
public final class Ports {

    private Ports() {
    }

    /** A port free a moment ago, for a server a test starts. */
    public static int free() {
        return closed();
    }

    /** A port nothing listens on (it was free a moment ago): connecting to it is refused. */
    public static int closed() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
