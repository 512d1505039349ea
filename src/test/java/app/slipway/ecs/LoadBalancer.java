package app.slipway.ecs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.concurrent.Executors;

/**
 * A service's "ALB": forwards every GET to a RUNNING task's target container (healthy ones first), 503 when
 * none runs, 502 when the chosen one does not answer.
 */
final class LoadBalancer implements AutoCloseable {
    private final HttpServer server;
    private final EcsState state;
    private final ServiceState service;
    private final TaskRunner runner;
    private final java.util.concurrent.ExecutorService threads;

    LoadBalancer(EcsState state, ServiceState service, TaskRunner runner) throws IOException {
        this.state = state;
        this.service = service;
        this.runner = runner;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ecs-alb-" + service.name);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            TaskState.Container target;
            synchronized (state) {
                target = service.tasks.stream().filter(t -> t.running() && t.desiredStatus.equals("RUNNING") && t.target() != null)
                        .max(Comparator.comparing((TaskState t) -> t.healthy)).map(TaskState::target).orElse(null);
            }
            TaskRunner.Answer answer = target == null ? new TaskRunner.Answer(503, "503 Service Temporarily Unavailable\n")
                    : runner.get(target.runtimeId, target.spec, exchange.getRequestURI().toString());
            if (answer.status() < 0) answer = new TaskRunner.Answer(502, "502 Bad Gateway\n");
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
