package app.slipway.ecs;

import java.io.IOException;
import java.util.List;

/**
 * Runs the containers of tasks: {@link SimulatedTasks} pretends (unit tests), {@link DockerTasks} runs real
 * containers on an engine. Every method may block; the scheduler calls them off its lock.
 */
interface TaskRunner extends AutoCloseable {
    /** Starts one container of task {@code taskId}; returns its runtime (container) id. */
    String start(String taskId, ContainerSpec container) throws StartFailure;

    /** Null while the container runs; its exit code once it exited. */
    Integer exitCode(String runtimeId) throws IOException;

    /** Every stdout/stderr line the container wrote so far, oldest first. */
    List<LogLine> logs(String runtimeId) throws IOException;

    /** Stops the container (TERM, then KILL after a few seconds); it stays until {@link #remove}. */
    void stop(String runtimeId);

    /** Removes the container (killing it if it still runs). */
    void remove(String runtimeId);

    /** GET {@code path} from the container's port on 127.0.0.1 (status -1: nothing answered). */
    Answer get(String runtimeId, ContainerSpec container, String path);

    @Override
    void close();

    record Answer(int status, String body) {}

    record LogLine(long timestampMs, String message) {}

    /** A container that could not start; the message is ECS's stoppedReason, e.g. "CannotPullContainerError: ...". */
    final class StartFailure extends Exception {
        StartFailure(String message) {
            super(message);
        }
    }
}
