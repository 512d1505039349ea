package app.slipway.core.releases;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry on 127.0.0.1 that behaves like ghcr.io / Docker Hub for anonymous pulls: the tag
 * list answers 401 with a Bearer challenge, {@code /token} hands out a token for the named
 * scope, and the tags come in pages of two linked with {@code Link: <…>; rel="next"}.
 */
final class FakeRegistry implements AutoCloseable {
    static final String TOKEN = "anon-token-42";
    private static final List<String> TAGS = List.of("1.0.0", "v1.1.0", "2.0.0", "latest", "2.1.0");

    private final HttpServer server;
    final List<String> seen = new CopyOnWriteArrayList<>();

    FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** How a profile names the image: {@code 127.0.0.1:PORT/acme/app}. */
    String image() {
        return "127.0.0.1:" + server.getAddress().getPort() + "/acme/app";
    }

    static List<String> tags() {
        return TAGS;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + (auth == null ? "" : " [" + auth + "]"));
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            if (path.equals("/token")) {
                boolean right = query != null && query.contains("service=fake-registry")
                        && query.contains("scope=repository%3Aacme%2Fapp%3Apull");
                send(ex, right ? 200 : 400, right ? "{\"token\":\"" + TOKEN + "\",\"expires_in\":300}" : "{}");
                return;
            }
            if (!path.equals("/v2/acme/app/tags/list")) {
                send(ex, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}");
                return;
            }
            if (!("Bearer " + TOKEN).equals(auth)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"" + base
                        + "/token\",service=\"fake-registry\",scope=\"repository:acme/app:pull\"");
                send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
                return;
            }
            String last = null;
            for (String p : query == null ? new String[0] : query.split("&")) {
                if (p.startsWith("last=")) last = p.substring(5);
            }
            int from = last == null ? 0 : TAGS.indexOf(last) + 1;
            List<String> page = TAGS.subList(from, Math.min(TAGS.size(), from + 2));
            if (from + 2 < TAGS.size()) {
                // Relative, as the distribution spec shows it.
                ex.getResponseHeaders().add("Link", "</v2/acme/app/tags/list?n=2&last=" + page.get(page.size() - 1) + ">; rel=\"next\"");
            }
            send(ex, 200, "{\"name\":\"acme/app\",\"tags\":[" + String.join(",", page.stream().map(t -> "\"" + t + "\"").toList()) + "]}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.getResponseHeaders().add("Docker-Distribution-Api-Version", "registry/2.0");
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
