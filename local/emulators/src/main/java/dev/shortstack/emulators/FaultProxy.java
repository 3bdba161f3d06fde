package dev.shortstack.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback in front of an emulator, for fault tests: while it refuses, every open connection is cut and
 * every new one closed at once, as when the service behind it is unreachable; then it forwards again. Clients are pointed
 * at {@link #endpoint()} instead of the emulator's own.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile InetSocketAddress target;
    private volatile boolean refusing;

    private FaultProxy(ServerSocket server) {
        this.server = server;
    }

    /** Listens at once; forwards once {@link #forwardTo} names the emulator (until then, connections are closed). */
    public static FaultProxy start() {
        try {
            FaultProxy proxy = new FaultProxy(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
            proxy.pumps.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("Could not listen on loopback", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public void forwardTo(URI emulator) {
        this.target = new InetSocketAddress(emulator.getHost(), emulator.getPort());
    }

    /** From now on, until {@link #forward()}: open connections are cut, new ones closed. */
    public void refuse() {
        refusing = true;
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }

    public void forward() {
        refusing = false;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            InetSocketAddress to = target;
            if (refusing || to == null) {
                closeQuietly(client);
                continue;
            }
            pumps.execute(() -> connect(client, to));
        }
    }

    private void connect(Socket client, InetSocketAddress to) {
        Socket upstream = new Socket();
        try {
            upstream.connect(to, 2_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        pumps.execute(() -> pump(client, upstream));
        pump(upstream, client);
    }

    /** Copies one direction until either side ends, then closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // cut: by the proxy refusing, or by an end closing
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        refuse();
        closeQuietly(server);
        pumps.shutdownNow();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
