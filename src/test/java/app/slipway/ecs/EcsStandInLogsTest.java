package app.slipway.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs through the real SDK: awslogs stream names, GetLogEvents tokens, FilterLogEvents pages. */
class EcsStandInLogsTest {
    @Test
    void aTasksLinesAreInItsAwslogsStreamAndThePaginatorsEnd() throws Exception {
        try (var standIn = new EcsStandIn(); var ecs = Sdk.ecs(standIn); var logs = Sdk.logs(standIn)) {
            standIn.service("prod", "web", "web").container("web", "r.example/app:2.0.0", List.of("/bin/web"), Map.of(), 0)
                    .awslogs("/ecs/web", "ecs").create();
            String taskId = Arns.last(ecs.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns().get(0));
            String stream = "ecs/web/" + taskId;

            var streams = logs.describeLogStreams(r -> r.logGroupName("/ecs/web").orderBy(OrderBy.LAST_EVENT_TIME).descending(true));
            assertEquals(stream, streams.logStreams().get(0).logStreamName());
            List<String> lines = logs.getLogEvents(r -> r.logGroupName("/ecs/web").logStreamName(stream).startFromHead(true))
                    .events().stream().map(OutputLogEvent::message).toList();
            assertEquals(List.of("web 2.0.0 started"), lines);

            standIn.putLogEvents("/ecs/web", stream, IntStream.range(0, 25).mapToObj(i -> "line " + i).toList());
            List<String> all = logs.getLogEventsPaginator(r -> r.logGroupName("/ecs/web").logStreamName(stream)
                    .startFromHead(true).limit(10)).events().stream().map(OutputLogEvent::message).toList();
            assertEquals(26, all.size(), "the paginator ends when the same token comes back");
            assertEquals("line 24", all.get(25));

            GetLogEventsResponse newest = logs.getLogEvents(r -> r.logGroupName("/ecs/web").logStreamName(stream).limit(5));
            assertEquals("line 20", newest.events().get(0).message(), "without startFromHead: the newest page");
            GetLogEventsResponse end = logs.getLogEvents(r -> r.logGroupName("/ecs/web").logStreamName(stream)
                    .nextToken(newest.nextForwardToken()).startFromHead(true));
            assertTrue(end.events().isEmpty());
            assertEquals(newest.nextForwardToken(), end.nextForwardToken());
            assertNotNull(end.nextBackwardToken());

            List<FilteredLogEvent> filtered = logs.filterLogEventsPaginator(r -> r.logGroupName("/ecs/web")
                    .logStreamNamePrefix("ecs/web/").limit(7)).events().stream().toList();
            assertEquals(26, filtered.size());
            assertEquals(stream, filtered.get(0).logStreamName());
            var lastPage = logs.filterLogEvents(r -> r.logGroupName("/ecs/web").logStreamNames(stream).filterPattern("\"line 13\""));
            assertEquals(1, lastPage.events().size());
            assertFalse(lastPage.nextToken() != null, "no nextToken on the last page");

            var missing = assertThrows(ResourceNotFoundException.class,
                    () -> logs.getLogEvents(r -> r.logGroupName("/ecs/web").logStreamName("ecs/web/nope")));
            assertEquals("The specified log stream does not exist.", missing.awsErrorDetails().errorMessage());
        }
    }
}
