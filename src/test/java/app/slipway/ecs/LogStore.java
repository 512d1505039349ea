package app.slipway.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Logs in memory: groups → streams → events (epoch ms), and the three read operations with AWS's token
 * rules (docs/ecs-standin.md §2.8, §2.9). Events outlive the containers that wrote them.
 */
final class LogStore {
    private record Event(long timestamp, String message, long ingestionTime, String stream) {}

    private static final class Stream {
        final String name;
        final long creationTime = System.currentTimeMillis();
        final List<Event> events = new ArrayList<>();

        Stream(String name) {
            this.name = name;
        }
    }

    private final Map<String, Map<String, Stream>> groups = new LinkedHashMap<>();

    private Stream stream(String group, String stream) {
        return groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).computeIfAbsent(stream, Stream::new);
    }

    synchronized void createStream(String group, String stream) {
        stream(group, stream);
    }

    /** Appends the lines a container wrote since the last sync ({@code lines} is everything it wrote so far). */
    synchronized void sync(String group, String stream, List<TaskRunner.LogLine> lines) {
        Stream s = stream(group, stream);
        long now = System.currentTimeMillis();
        for (int i = s.events.size(); i < lines.size(); i++) {
            TaskRunner.LogLine line = lines.get(i);
            s.events.add(new Event(line.timestampMs(), line.message(), Math.max(now, line.timestampMs()), stream));
        }
    }

    synchronized void append(String group, String stream, List<String> messages) {
        Stream s = stream(group, stream);
        long now = System.currentTimeMillis();
        messages.forEach(m -> s.events.add(new Event(now, m, now, stream)));
    }

    private Map<String, Stream> group(JsonNode request) {
        boolean byName = request.hasNonNull("logGroupName");
        if (byName == request.hasNonNull("logGroupIdentifier")) {
            throw new EcsError(400, "InvalidParameterException", "Exactly one of logGroupName or logGroupIdentifier is required.");
        }
        String name = byName ? request.get("logGroupName").asText() : request.get("logGroupIdentifier").asText();
        if (name.contains(":log-group:")) name = name.substring(name.indexOf(":log-group:") + 11).replaceAll(":\\*$", "");
        Map<String, Stream> streams = groups.get(name);
        if (streams == null) throw notFound("The specified log group does not exist.");
        return streams;
    }

    private static EcsError notFound(String message) {
        return new EcsError(400, "ResourceNotFoundException", message);
    }

    private static List<Event> between(List<Event> events, JsonNode request) {
        long start = request.path("startTime").asLong(Long.MIN_VALUE);
        long end = request.path("endTime").asLong(Long.MAX_VALUE);
        return events.stream().filter(e -> e.timestamp >= start && e.timestamp < end).toList();
    }

    /** Tokens are "f/N" and "b/N" (an index); at either end the token passed in comes back unchanged. */
    synchronized ObjectNode getLogEvents(JsonNode request) {
        Stream stream = group(request).get(request.path("logStreamName").asText());
        if (stream == null) throw notFound("The specified log stream does not exist.");
        List<Event> events = between(stream.events, request);
        int limit = Math.min(request.path("limit").asInt(10000), 10000);
        String token = request.path("nextToken").asText(null);
        int from;
        int to;
        if (token == null) {
            boolean head = request.path("startFromHead").asBoolean(false);
            from = head ? 0 : Math.max(0, events.size() - limit);
            to = head ? Math.min(events.size(), limit) : events.size();
        } else {
            int at = Math.min(events.size(), parseToken(token));
            boolean forward = token.startsWith("f/");
            from = forward ? at : Math.max(0, at - limit);
            to = forward ? Math.min(events.size(), at + limit) : at;
        }
        ObjectNode answer = TaskState.JSON.createObjectNode();
        ArrayNode out = answer.putArray("events");
        events.subList(from, to).forEach(e -> out.addObject().put("timestamp", e.timestamp).put("message", e.message)
                .put("ingestionTime", e.ingestionTime));
        boolean nothing = from == to && token != null;
        answer.put("nextForwardToken", nothing && token.startsWith("f/") ? token : "f/" + String.format("%056d", to));
        answer.put("nextBackwardToken", nothing && token.startsWith("b/") ? token : "b/" + String.format("%056d", from));
        return answer;
    }

    private static int parseToken(String token) {
        try {
            return Integer.parseInt(token.substring(2).replaceFirst("^0+(?=.)", ""));
        } catch (RuntimeException e) {
            throw new EcsError(400, "InvalidParameterException", "The specified nextToken is invalid.");
        }
    }

    /** Events of several streams interleaved by time; {@code nextToken} is absent on the last page. */
    synchronized ObjectNode filterLogEvents(JsonNode request) {
        Map<String, Stream> streams = group(request);
        if (request.has("logStreamNames") && request.has("logStreamNamePrefix")) {
            throw new EcsError(400, "InvalidParameterException",
                    "logStreamNames and logStreamNamePrefix are mutually exclusive.");
        }
        List<String> names = new ArrayList<>();
        request.path("logStreamNames").forEach(n -> names.add(n.asText()));
        String prefix = request.path("logStreamNamePrefix").asText("");
        String pattern = request.path("filterPattern").asText("").strip();
        List<Event> events = new ArrayList<>();
        streams.values().stream().filter(s -> names.isEmpty() ? s.name.startsWith(prefix) : names.contains(s.name))
                .forEach(s -> events.addAll(between(s.events, request)));
        events.removeIf(e -> !matches(pattern, e.message));
        events.sort(Comparator.comparingLong(Event::timestamp));
        int limit = Math.min(request.path("limit").asInt(10000), 10000);
        int from = request.hasNonNull("nextToken") ? parseToken(request.get("nextToken").asText()) : 0;
        int to = Math.min(events.size(), from + limit);
        ObjectNode answer = TaskState.JSON.createObjectNode();
        ArrayNode out = answer.putArray("events");
        for (int i = Math.min(from, to); i < to; i++) {
            Event e = events.get(i);
            out.addObject().put("logStreamName", e.stream).put("timestamp", e.timestamp).put("message", e.message)
                    .put("ingestionTime", e.ingestionTime).put("eventId", String.format("%056d", e.timestamp * 1000 + i));
        }
        answer.putArray("searchedLogStreams");
        if (to < events.size()) answer.put("nextToken", "f/" + String.format("%056d", to));
        return answer;
    }

    /** Plain filter patterns only: every term (or "quoted phrase") must occur; empty matches everything. */
    private static boolean matches(String pattern, String message) {
        if (pattern.isEmpty()) return true;
        if (pattern.length() > 1 && pattern.startsWith("\"") && pattern.endsWith("\"")) {
            return message.contains(pattern.substring(1, pattern.length() - 1));
        }
        for (String term : pattern.split("\\s+")) {
            if (!message.contains(term)) return false;
        }
        return true;
    }

    synchronized ObjectNode describeLogStreams(JsonNode request) {
        Map<String, Stream> streams = group(request);
        String prefix = request.path("logStreamNamePrefix").asText("");
        boolean byTime = "LastEventTime".equals(request.path("orderBy").asText("LogStreamName"));
        if (byTime && !prefix.isEmpty()) {
            throw new EcsError(400, "InvalidParameterException", "Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        Comparator<Stream> order = byTime ? Comparator.comparingLong(LogStore::lastEvent) : Comparator.comparing(s -> s.name);
        if (request.path("descending").asBoolean(false)) order = order.reversed();
        List<Stream> found = streams.values().stream().filter(s -> s.name.startsWith(prefix)).sorted(order).toList();
        int limit = Math.min(request.path("limit").asInt(50), 50);
        int from = request.hasNonNull("nextToken") ? parseToken(request.get("nextToken").asText()) : 0;
        int to = Math.min(found.size(), from + limit);
        ObjectNode answer = TaskState.JSON.createObjectNode();
        ArrayNode out = answer.putArray("logStreams");
        String group = request.path("logGroupName").asText(request.path("logGroupIdentifier").asText());
        for (Stream s : found.subList(Math.min(from, to), to)) {
            ObjectNode j = out.addObject();
            j.put("logStreamName", s.name).put("creationTime", s.creationTime);
            if (!s.events.isEmpty()) {
                j.put("firstEventTimestamp", s.events.get(0).timestamp).put("lastEventTimestamp", lastEvent(s))
                        .put("lastIngestionTime", s.events.get(s.events.size() - 1).ingestionTime);
            }
            j.put("arn", "arn:aws:logs:" + Arns.REGION + ":" + Arns.ACCOUNT + ":log-group:" + group + ":log-stream:" + s.name);
            j.put("storedBytes", 0);
        }
        if (to < found.size()) answer.put("nextToken", "f/" + String.format("%056d", to));
        return answer;
    }

    private static long lastEvent(Stream s) {
        return s.events.isEmpty() ? s.creationTime : s.events.stream().mapToLong(Event::timestamp).max().orElse(0);
    }
}
