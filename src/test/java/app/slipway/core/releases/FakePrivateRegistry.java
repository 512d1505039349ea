package app.slipway.core.releases;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry on 127.0.0.1 whose tags need a login: either Basic auth on the API itself (the
 * distribution registry with htpasswd), or a token service that hands a token only to the login
 * (Docker Hub, ghcr.io and GitLab for a private image): Basic auth on GET, or an identity token as
 * an OAuth2 refresh token on POST.
 */
final class FakePrivateRegistry implements AutoCloseable {
    enum Scheme { BASIC, BEARER }

    static final String USER = "slipway";
    static final String PASSWORD = "hunter2-pw";
    static final String IDENTITY_TOKEN = "refresh-hunter2";
    private static final String TOKEN = "private-token-7";

    private final HttpServer server;
    private final Scheme scheme;
    final List<String> seen = new CopyOnWriteArrayList<>();

    FakePrivateRegistry(Scheme scheme) throws IOException {
        this.scheme = scheme;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String registry() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String image() {
        return registry() + "/acme/app";
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + (auth == null ? "" : " [" + auth + "]")
                    + (body.isEmpty() ? "" : " " + body));
            if (path.equals("/token")) {
                boolean byPassword = ex.getRequestMethod().equals("GET") && basic(USER, PASSWORD).equals(auth);
                boolean byRefresh = ex.getRequestMethod().equals("POST") && body.contains("grant_type=refresh_token")
                        && body.contains("refresh_token=" + IDENTITY_TOKEN) && body.contains("service=private-registry");
                if (byPassword || byRefresh) {
                    send(ex, 200, byRefresh ? "{\"access_token\":\"" + TOKEN + "\"}" : "{\"token\":\"" + TOKEN + "\"}");
                } else if (auth == null && !byRefresh && ex.getRequestMethod().equals("GET")) {
                    send(ex, 200, "{\"token\":\"anonymous\"}"); // anonymous tokens exist, but may not read this image
                } else {
                    send(ex, 401, "{\"details\":\"incorrect username or password\"}");
                }
                return;
            }
            boolean allowed = scheme == Scheme.BASIC ? basic(USER, PASSWORD).equals(auth) : ("Bearer " + TOKEN).equals(auth);
            if (!allowed) {
                ex.getResponseHeaders().add("WWW-Authenticate", scheme == Scheme.BASIC ? "Basic realm=\"private\""
                        : "Bearer realm=\"http://" + registry() + "/token\",service=\"private-registry\","
                                + "scope=\"repository:acme/app:pull\"");
                send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
                return;
            }
            send(ex, 200, "{\"name\":\"acme/app\",\"tags\":[\"1.0.0\",\"2.0.0\"]}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
