package app.slipway.core.ecs;

/** One container of a task definition whose image a new revision changes. */
public record ImageChange(String container, String from, String to) {
    public String describe() {
        return "container " + container + ": " + from + " → " + to;
    }
}
