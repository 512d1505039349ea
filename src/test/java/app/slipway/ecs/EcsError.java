package app.slipway.ecs;

/** An AWS error answer: HTTP status, {@code __type} and {@code message} (docs/ecs-standin.md §1.4). */
final class EcsError extends RuntimeException {
    final int status;
    final String type;

    EcsError(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    static EcsError client(String message) {
        return new EcsError(400, "ClientException", message);
    }

    static EcsError invalid(String message) {
        return new EcsError(400, "InvalidParameterException", message);
    }
}
