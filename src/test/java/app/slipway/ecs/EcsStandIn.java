package app.slipway.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in of the ECS and CloudWatch Logs APIs (and STS's AssumeRole, for role profiles), answering the AWS SDK for Java v2 the way AWS does (AWS JSON
 * 1.1: {@code POST /}, the operation in {@code X-Amz-Target}, camelCase JSON, errors as {@code {"__type",
 * "message"}}; docs/ecs-standin.md). Services deploy like ECS (deployments, circuit breaker, rollback); their tasks
 * are simulated ({@link #EcsStandIn()}) or real containers on a Docker engine ({@link #onEngine(String)}).
 */
public final class EcsStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final String LOGS = "Logs_20140328.";
    private static final long CREATE_TIMEOUT_MS = 60_000;
    /** The temporary key every AssumeRole answers with. */
    public static final String ASSUMED_ACCESS_KEY = AssumeRole.ACCESS_KEY;

    private final HttpServer server;
    private final ExecutorService httpThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ecs-standin-http");
        t.setDaemon(true);
        return t;
    });
    private final EcsState state = new EcsState();
    private final EcsOperations ecs = new EcsOperations(state);
    private final LogStore logs = new LogStore();
    private final TaskRunner runner;
    private final SimulatedTasks simulated;
    private final Scheduler scheduler;
    /** Errors the next calls of any operation answer with, once each. */
    private final Deque<EcsError> anyFailures = new ConcurrentLinkedDeque<>();
    /** operation → errors its next calls answer with, once each. */
    private final Map<String, Deque<EcsError>> failures = new ConcurrentHashMap<>();
    private final Map<String, List<String>> calls = new ConcurrentHashMap<>();
    private final Map<String, List<String>> accessKeys = new ConcurrentHashMap<>();
    private final Map<String, List<String>> responses = new ConcurrentHashMap<>();

    /** Simulated tasks: no containers, fast (unit tests). */
    public EcsStandIn() throws IOException {
        this(new SimulatedTasks(), 50);
    }

    private EcsStandIn(TaskRunner runner, long tickMs) throws IOException {
        this.runner = runner;
        this.simulated = runner instanceof SimulatedTasks s ? s : null;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(httpThreads);
        server.createContext("/", this::handle);
        server.start();
        scheduler = new Scheduler(state, runner, logs, tickMs);
    }

    /** Tasks are real containers, run with the {@code docker} CLI and {@code DOCKER_HOST=dockerHost}. */
    public static EcsStandIn onEngine(String dockerHost) throws IOException {
        return new EcsStandIn(DockerTasks.on(dockerHost), 200);
    }

    /** Serves both ECS and CloudWatch Logs (dispatched on the {@code X-Amz-Target} prefix). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String region() {
        return Arns.REGION;
    }

    /** The next call (of any operation) answers {@code status} with {@code type} and {@code message}. */
    public void failNext(int status, String type, String message) {
        anyFailures.add(new EcsError(status, type, message));
    }

    /** The next {@code times} calls of {@code operation} fail, e.g. 400 ThrottlingException "Rate exceeded.". */
    public void failNext(String operation, int status, String type, String message, int times) {
        Deque<EcsError> queue = failures.computeIfAbsent(operation, o -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) queue.add(new EcsError(status, type, message));
    }

    /** Simulated mode: tasks of this image (or of any image with this tag) fail to start (CannotStartContainerError). */
    public EcsStandIn crashing(String image) {
        simulatedOnly().crashing.add(image);
        return this;
    }

    /** Simulated mode: tasks of this image (or tag) run but answer 404, so they fail a health check. */
    public EcsStandIn unhealthy(String image) {
        simulatedOnly().unhealthy.add(image);
        return this;
    }

    private SimulatedTasks simulatedOnly() {
        if (simulated == null) throw new IllegalStateException("on an engine, images decide how tasks behave");
        return simulated;
    }

    /** A service to describe and {@link ServiceSpec#create()}. */
    public ServiceSpec service(String cluster, String name, String family) {
        return new ServiceSpec(cluster, name, family, this::create);
    }

    /** Shorthand: a service whose containers (name → image) run without ports, each with RAILS_ENV=production. */
    public void service(String cluster, String name, String family, Map<String, String> images) {
        ServiceSpec spec = service(cluster, name, family);
        images.forEach((container, image) -> spec.container(container, image, List.of(), Map.of("RAILS_ENV", "production"), 0));
        spec.create();
    }

    private void create(ServiceSpec spec) {
        ServiceState s = spec.service();
        synchronized (state) {
            String arn = state.taskDefinitions.register(spec.taskDefinition()).path("taskDefinitionArn").asText();
            state.add(s);
            s.deploy(arn, null);
        }
        long deadline = System.currentTimeMillis() + CREATE_TIMEOUT_MS;
        while (true) {
            synchronized (state) {
                String rollout = s.primary().rolloutState;
                if (rollout.equals("COMPLETED")) return;
                if (rollout.equals("FAILED") || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("service " + s.name + " did not reach a steady state (" + rollout
                            + ") within " + CREATE_TIMEOUT_MS / 1000 + " s: " + s.toJson().path("events"));
                }
            }
            pause(50);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The service's "ALB" on 127.0.0.1: forwards any GET path to its RUNNING tasks; 503 when none runs. */
    public URI loadBalancer(String cluster, String service) {
        synchronized (state) {
            ServiceState s = state.requireService(cluster, service);
            if (s.loadBalancer == null) {
                try {
                    s.loadBalancer = new LoadBalancer(state, s, runner);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return s.loadBalancer.uri();
        }
    }

    public int revisions(String family) {
        synchronized (state) {
            return state.taskDefinitions.revisions(family);
        }
    }

    /** The service's current task definition ARN. */
    public String taskDefinitionOf(String cluster, String service) {
        synchronized (state) {
            return state.requireService(cluster, service).taskDefinition;
        }
    }

    /** Request bodies received for {@code operation}, in order, failed and throttled ones included. */
    public List<String> calls(String operation) {
        return List.copyOf(calls.getOrDefault(operation, List.of()));
    }

    /** Bodies of the successful answers to {@code operation}, in order. */
    public List<String> responses(String operation) {
        return List.copyOf(responses.getOrDefault(operation, List.of()));
    }

    /** Every operation answered successfully so far, with its answers (the shape test walks them). */
    public Map<String, List<String>> responses() {
        Map<String, List<String>> copy = new java.util.TreeMap<>();
        responses.forEach((op, bodies) -> copy.put(op, List.copyOf(bodies)));
        return copy;
    }

    /** Images of the containers of the service's RUNNING tasks. */
    public List<String> runningImages(String cluster, String service) {
        synchronized (state) {
            List<String> images = new ArrayList<>();
            state.requireService(cluster, service).tasks.stream().filter(TaskState::running)
                    .forEach(t -> t.containers.forEach(c -> images.add(c.spec.image())));
            return images;
        }
    }

    /** Appends events (timestamp now) to a log stream, creating group and stream as needed. */
    public void putLogEvents(String group, String stream, List<String> messages) {
        logs.append(group, stream, messages);
    }

    /** The access key that signed each call of {@code operation}, in order (from its SigV4 Authorization header). */
    public List<String> accessKeys(String operation) {
        return List.copyOf(accessKeys.getOrDefault(operation, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> form = target.equals("null") ? AssumeRole.form(text) : Map.of();
            String operation = target.equals("null") ? form.getOrDefault("Action", "?") : target.substring(target.indexOf('.') + 1);
            calls.computeIfAbsent(operation, o -> Collections.synchronizedList(new ArrayList<>())).add(text);
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            accessKeys.computeIfAbsent(operation, o -> Collections.synchronizedList(new ArrayList<>()))
                    .add(authorization.replaceAll(".*Credential=([^/]+)/.*", "$1"));
            if (operation.equals("AssumeRole")) {
                byte[] xml = AssumeRole.answer(form).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, xml.length);
                exchange.getResponseBody().write(xml);
                return;
            }
            try {
                EcsError failure = failures.getOrDefault(operation, new ConcurrentLinkedDeque<>()).poll();
                if (failure == null) failure = anyFailures.poll();
                if (failure != null) throw failure;
                JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
                ObjectNode answer = answer(target, operation, body);
                if (answer == null) throw new EcsError(400, "UnknownOperationException", "the stand-in does not answer " + target);
                responses.computeIfAbsent(operation, o -> Collections.synchronizedList(new ArrayList<>()))
                        .add(JSON.writeValueAsString(answer));
                send(exchange, 200, answer);
            } catch (EcsError e) {
                send(exchange, e.status, JSON.createObjectNode().put("__type", e.type).put("message", e.getMessage()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                send(exchange, 400, JSON.createObjectNode().put("__type", "SerializationException").put("message", e.getOriginalMessage()));
            }
        }
    }

    private ObjectNode answer(String target, String operation, JsonNode body) {
        if (target.startsWith(LOGS)) {
            return switch (operation) {
                case "GetLogEvents" -> logs.getLogEvents(body);
                case "FilterLogEvents" -> logs.filterLogEvents(body);
                case "DescribeLogStreams" -> logs.describeLogStreams(body);
                default -> null;
            };
        }
        if (!target.startsWith(ECS)) return null;
        synchronized (state) {
            return ecs.answer(operation, body);
        }
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Stops the ticker, removes every container it started, stops the HTTP servers. */
    @Override
    public void close() {
        scheduler.close();
        runner.close();
        synchronized (state) {
            state.services().filter(s -> s.loadBalancer != null).forEach(s -> s.loadBalancer.close());
        }
        server.stop(0);
        httpThreads.shutdownNow();
    }
}
