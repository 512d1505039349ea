package app.slipway.core.releases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for api.github.com on 127.0.0.1: {@code GET /repos/acme/app/releases} in pages
 * of {@link #PAGE_SIZE} with GitHub's {@code Link} header and ETags, answering 304 to a matching
 * {@code If-None-Match}. It can also play a used-up rate limit or a server error, and serve a
 * CHANGELOG at {@code /CHANGELOG.md}.
 */
public final class FakeGitHub implements AutoCloseable {
    static final int PAGE_SIZE = 4;
    public static final String REPO = "acme/app";

    public enum Mode { NORMAL, RATE_LIMITED, SERVER_ERROR }

    /** One request as received: path with query, and the headers that matter. */
    public record Seen(String pathAndQuery, String authorization, String accept, String ifNoneMatch, int status) {}

    private final HttpServer server;
    private final List<Map<String, Object>> releases = new ArrayList<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger notModified = new AtomicInteger();
    public volatile Mode mode = Mode.NORMAL;
    public volatile String changelog;
    volatile long rateLimitReset = 1_795_000_000L; // epoch seconds, as GitHub sends x-ratelimit-reset

    public FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Adds a release as GitHub's JSON has it (the fields Slipway reads, plus some it ignores). */
    public FakeGitHub release(String tag, String name, String body, boolean prerelease, boolean draft, String publishedAt) {
        var r = new LinkedHashMap<String, Object>();
        int id = 1000 + releases.size();
        r.put("url", api() + "/repos/" + REPO + "/releases/" + id);
        r.put("html_url", "https://github.com/" + REPO + "/releases/tag/" + tag);
        r.put("id", id);
        r.put("author", Map.of("login", "octocat", "id", 1, "type", "User"));
        r.put("node_id", "RE_kwDO" + id);
        r.put("tag_name", tag);
        r.put("target_commitish", "main");
        r.put("name", name);
        r.put("draft", draft);
        r.put("prerelease", prerelease);
        r.put("created_at", publishedAt);
        r.put("published_at", draft ? null : publishedAt);
        r.put("assets", List.of());
        r.put("tarball_url", api() + "/repos/" + REPO + "/tarball/" + tag);
        r.put("zipball_url", api() + "/repos/" + REPO + "/zipball/" + tag);
        r.put("body", body);
        releases.add(r);
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            int status;
            if (path.equals("/CHANGELOG.md") && changelog != null) {
                status = send(ex, 200, changelog, "text/markdown");
            } else if (!path.equals("/repos/" + REPO + "/releases")) {
                status = send(ex, 404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}", "application/json");
            } else if (mode == Mode.RATE_LIMITED) {
                ex.getResponseHeaders().add("x-ratelimit-limit", "60");
                ex.getResponseHeaders().add("x-ratelimit-remaining", "0");
                ex.getResponseHeaders().add("x-ratelimit-reset", Long.toString(rateLimitReset));
                status = send(ex, 403, "{\"message\":\"API rate limit exceeded for 127.0.0.1.\"}", "application/json");
            } else if (mode == Mode.SERVER_ERROR) {
                status = send(ex, 503, "{\"message\":\"Service Unavailable\"}", "application/json");
            } else {
                status = page(ex, uri);
            }
            var h = ex.getRequestHeaders();
            seen.add(new Seen(uri.toString(), h.getFirst("Authorization"), h.getFirst("Accept"), h.getFirst("If-None-Match"), status));
        }
    }

    private int page(HttpExchange ex, URI uri) throws IOException {
        int page = 1;
        for (String param : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            if (param.startsWith("page=")) page = Integer.parseInt(param.substring(5));
        }
        int pages = Math.max(1, (releases.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Map<String, Object>> slice = releases.subList(Math.min(releases.size(), (page - 1) * PAGE_SIZE),
                Math.min(releases.size(), page * PAGE_SIZE));
        String body = new ObjectMapper().writeValueAsString(slice);
        String etag = "W/\"" + Integer.toHexString(body.hashCode()) + "\"";
        String base = api() + "/repos/" + REPO + "/releases?per_page=100&page=";
        List<String> links = new ArrayList<>();
        if (page < pages) links.add("<" + base + (page + 1) + ">; rel=\"next\"");
        if (page < pages) links.add("<" + base + pages + ">; rel=\"last\"");
        if (page > 1) links.add("<" + base + 1 + ">; rel=\"first\"");
        if (page > 1) links.add("<" + base + (page - 1) + ">; rel=\"prev\"");
        if (!links.isEmpty()) ex.getResponseHeaders().add("Link", String.join(", ", links));
        ex.getResponseHeaders().add("ETag", etag);
        ex.getResponseHeaders().add("x-ratelimit-remaining", "59");
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            ex.sendResponseHeaders(304, -1);
            return 304;
        }
        return send(ex, 200, body, "application/json; charset=utf-8");
    }

    private static int send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    /** Only the release-list requests (not the CHANGELOG). */
    public List<Seen> releaseRequests() {
        return seen.stream().filter(s -> s.pathAndQuery().startsWith("/repos/")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The standard set of releases the tests use: three pages, a draft, prereleases, a non-version tag. */
    public static FakeGitHub withStandardReleases() throws IOException {
        var gh = new FakeGitHub();
        gh.release("v3.0.0-rc.1", "3.0.0 release candidate", "- feat!: new storage layout\n- fix: typo", true, false, "2026-11-20T09:00:00Z")
          .release("v9.9.9", "Unpublished draft", "draft notes", false, true, "2026-11-21T09:00:00Z")
          .release("v2.1.0", "Tables and traps", BODY_2_1_0, false, false, "2026-10-01T12:00:00Z")
          .release("v2.0.0", "Big one", BODY_2_0_0, false, false, "2026-09-01T12:00:00Z")
          .release("v1.2.0", "", "### Fixed\n- Worker restarts cleanly", false, false, "2026-08-01T12:00:00Z")
          .release("v1.0.0-beta.51", "beta 51", "- beta fix", true, false, "2026-06-02T12:00:00Z")
          .release("v1.1.0", "Minor", "- breaking: the `--old` flag is gone\n- chore: deps", false, false, "2026-07-01T12:00:00Z")
          .release("nightly", "Nightly build", "rolling", true, false, "2026-11-22T01:00:00Z")
          .release("v1.0.0", "First", "Initial release", false, false, "2026-06-10T12:00:00Z")
          .release("v1.0.0-beta.41", "beta 41", "- early beta", true, false, "2026-05-01T12:00:00Z");
        return gh;
    }

    static final String BODY_2_1_0 = """
            ## What's Changed

            | Setting | Old | New |
            |---------|-----|-----|
            | `workers` | 2 | 4 |
            | `timeout` | 30s | 60s |

            <script>alert('owned')</script>

            Click [here](javascript:alert(1)) for <b>bold</b> claims.
            See https://example.com/docs for details.

            - perf: faster startup
            """;

    static final String BODY_2_0_0 = """
            ## Highlights
            - BREAKING CHANGE: `STRATA_SECRET` is renamed to `STRATA_SECRET_KEY_BASE`
            - feat(api)!: drop the v1 endpoints
            - **Breaking**: the `worker` service is now `job`
            - fix: nothing else

            ### Breaking changes
            - Postgres 16 is required
            """;
}
