package io.github.botconnector.testing.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.BooleanSupplier;
import javax.net.ServerSocketFactory;

/**
 * Server sockets that reset a freshly accepted connection, before any byte of the request is read, whenever
 * {@code breakNext} says so. This is how "disconnect before the request" faults are injected.
 *
 * <p>Accepted connections have Nagle's algorithm switched off ({@code TCP_NODELAY}): the fake writes a response's
 * headers and body in separate segments, and with Nagle on the body waits for the client's delayed ACK (about 40 ms)
 * on every exchange of a reused connection.
 */
public final class BreakingServerSocketFactory extends ServerSocketFactory {

    private final BooleanSupplier breakNext;

    /** @param breakNext asked once per accepted connection; {@code true} resets it */
    public BreakingServerSocketFactory(BooleanSupplier breakNext) {
        this.breakNext = breakNext;
    }

    private final class BreakingServerSocket extends ServerSocket {
        BreakingServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            while (true) {
                Socket s = super.accept();
                if (!breakNext.getAsBoolean()) {
                    s.setTcpNoDelay(true);
                    return s;
                }
                s.setSoLinger(true, 0);
                s.close();
            }
        }
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new BreakingServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket s = createServerSocket();
        s.bind(new java.net.InetSocketAddress(port));
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket s = createServerSocket();
        s.bind(new java.net.InetSocketAddress(port), backlog);
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket s = createServerSocket();
        s.bind(new java.net.InetSocketAddress(address, port), backlog);
        return s;
    }
}
