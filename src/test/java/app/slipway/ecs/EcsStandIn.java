package app.slipway.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in of the ECS API, answering the AWS SDK for Java v2 the way AWS does (AWS JSON
 * 1.1: {@code POST /}, the operation in {@code X-Amz-Target}, camelCase JSON, errors as
 * {@code {"__type", "message"}}; docs/ecs-standin.md). The first piece of issue 15's test bed:
 * task definitions and services in memory; deployments that run real containers come next.
 */
public final class EcsStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = "123456789012";

    private final HttpServer server;
    /** family → revision → task definition */
    private final Map<String, Map<Integer, ObjectNode>> taskDefinitions = new LinkedHashMap<>();
    /** cluster → service name → service */
    private final Map<String, Map<String, ObjectNode>> services = new LinkedHashMap<>();
    private final AtomicInteger deployments = new AtomicInteger();
    /** An error every next call answers with, once each (throttling, access denied), then normal answers. */
    private final java.util.Deque<String[]> failures = new java.util.concurrent.ConcurrentLinkedDeque<>();

    public EcsStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next call answers {@code status} with {@code type} and {@code message} (the SDK may retry it). */
    public void failNext(int status, String type, String message) {
        failures.add(new String[] {Integer.toString(status), type, message});
    }

    /** A service on revision 1 of a task definition whose containers run {@code images}, as a console would leave it. */
    public synchronized void service(String cluster, String name, String family, Map<String, String> images) {
        ObjectNode td = JSON.createObjectNode();
        td.put("family", family);
        ArrayNode containers = td.putArray("containerDefinitions");
        images.forEach((container, image) -> {
            ObjectNode c = containers.addObject();
            c.put("name", container);
            c.put("image", image);
            c.putArray("environment").addObject().put("name", "RAILS_ENV").put("value", "production");
        });
        td.put("cpu", "512").put("memory", "1024");
        String arn = register(td).get("taskDefinitionArn").asText();
        ObjectNode service = JSON.createObjectNode();
        service.put("serviceName", name);
        service.put("serviceArn", "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":service/" + cluster + "/" + name);
        service.put("clusterArn", clusterArn(cluster));
        service.put("status", "ACTIVE");
        service.put("desiredCount", 1).put("runningCount", 1).put("pendingCount", 0);
        service.put("taskDefinition", arn);
        service.putObject("deploymentController").put("type", "ECS");
        service.putObject("deploymentConfiguration").putObject("deploymentCircuitBreaker").put("enable", true).put("rollback", true);
        ArrayNode ds = service.putArray("deployments");
        ds.add(deployment(arn, "PRIMARY", "COMPLETED"));
        services.computeIfAbsent(cluster, c -> new LinkedHashMap<>()).put(name, service);
    }

    public synchronized int revisions(String family) {
        return taskDefinitions.getOrDefault(family, Map.of()).size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String[] failure = failures.poll();
            if (failure != null) {
                send(exchange, Integer.parseInt(failure[0]), error(failure[1], failure[2]));
                return;
            }
            if (target == null || !target.startsWith(ECS)) {
                send(exchange, 400, error("UnknownOperationException", "unknown target " + target));
                return;
            }
            ObjectNode answer;
            synchronized (this) {
                answer = switch (target.substring(ECS.length())) {
                    case "DescribeServices" -> describeServices(body);
                    case "DescribeTaskDefinition" -> describeTaskDefinition(body);
                    case "RegisterTaskDefinition" -> JSON.createObjectNode().set("taskDefinition", register((ObjectNode) body));
                    case "UpdateService" -> updateService(body);
                    default -> null;
                };
            }
            if (answer == null) {
                send(exchange, 400, error("InvalidParameterException", "the stand-in does not answer " + target));
            } else {
                send(exchange, 200, answer);
            }
        } catch (ClientError e) {
            send(exchange, 400, error("ClientException", e.getMessage()));
        }
    }

    private ObjectNode describeServices(JsonNode body) {
        String cluster = clusterName(body.path("cluster").asText("default"));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode found = answer.putArray("services");
        ArrayNode failures = answer.putArray("failures");
        for (JsonNode name : body.path("services")) {
            ObjectNode s = services.getOrDefault(cluster, Map.of()).get(shortName(name.asText()));
            if (s != null) found.add(s.deepCopy());
            else failures.addObject().put("arn", name.asText()).put("reason", "MISSING");
        }
        return answer;
    }

    private ObjectNode describeTaskDefinition(JsonNode body) {
        String ref = body.path("taskDefinition").asText();
        String familyRevision = ref.contains("task-definition/") ? ref.substring(ref.indexOf("task-definition/") + 16) : ref;
        String family = familyRevision.contains(":") ? familyRevision.substring(0, familyRevision.indexOf(':')) : familyRevision;
        Map<Integer, ObjectNode> revs = taskDefinitions.get(family);
        if (revs == null || revs.isEmpty()) throw new ClientError("Unable to describe task definition.");
        int rev = familyRevision.contains(":") ? Integer.parseInt(familyRevision.substring(familyRevision.indexOf(':') + 1))
                : revs.keySet().stream().max(Integer::compare).orElseThrow();
        ObjectNode td = revs.get(rev);
        if (td == null) throw new ClientError("Unable to describe task definition.");
        ObjectNode answer = JSON.createObjectNode();
        answer.set("taskDefinition", td.deepCopy());
        return answer;
    }

    private ObjectNode register(ObjectNode request) {
        for (String readOnly : new String[] {"taskDefinitionArn", "revision", "status", "requiresAttributes",
                "compatibilities", "registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt"}) {
            if (request.has(readOnly)) throw new ClientError("Unknown parameter in input: \"" + readOnly + "\"");
        }
        String family = request.path("family").asText();
        Map<Integer, ObjectNode> revs = taskDefinitions.computeIfAbsent(family, f -> new LinkedHashMap<>());
        int revision = revs.size() + 1;
        ObjectNode td = request.deepCopy();
        td.put("taskDefinitionArn", "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":task-definition/" + family + ":" + revision);
        td.put("revision", revision);
        td.put("status", "ACTIVE");
        td.put("registeredAt", System.currentTimeMillis() / 1000.0); // epoch seconds: what the SDK parses
        revs.put(revision, td);
        return td;
    }

    private ObjectNode updateService(JsonNode body) {
        String cluster = clusterName(body.path("cluster").asText("default"));
        ObjectNode s = services.getOrDefault(cluster, Map.of()).get(shortName(body.path("service").asText()));
        if (s == null) throw new ClientError("Service not found.");
        String td = body.path("taskDefinition").asText(s.path("taskDefinition").asText());
        s.put("taskDefinition", td);
        ArrayNode ds = (ArrayNode) s.get("deployments");
        ds.forEach(d -> ((ObjectNode) d).put("status", "ACTIVE"));
        ds.insert(0, deployment(td, "PRIMARY", "IN_PROGRESS"));
        ObjectNode answer = JSON.createObjectNode();
        answer.set("service", s.deepCopy());
        return answer;
    }

    private ObjectNode deployment(String taskDefinition, String status, String rollout) {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", "ecs-svc/" + (1000000000000000000L + deployments.incrementAndGet()));
        d.put("status", status).put("taskDefinition", taskDefinition).put("desiredCount", 1);
        d.put("runningCount", rollout.equals("COMPLETED") ? 1 : 0).put("failedTasks", 0);
        d.put("rolloutState", rollout);
        double now = System.currentTimeMillis() / 1000.0;
        d.put("createdAt", now).put("updatedAt", now);
        return d;
    }

    private static String clusterName(String cluster) {
        return cluster.contains("/") ? cluster.substring(cluster.lastIndexOf('/') + 1) : cluster;
    }

    private static String shortName(String service) {
        return service.contains("/") ? service.substring(service.lastIndexOf('/') + 1) : service;
    }

    private static String clusterArn(String cluster) {
        return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":cluster/" + cluster;
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static final class ClientError extends RuntimeException {
        ClientError(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
