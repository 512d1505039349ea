package app.slipway.core.host;

/** Receives a running command's output line by line, as it arrives. */
@FunctionalInterface
public interface OutputSink {
    enum Stream { STDOUT, STDERR }

    void line(Stream stream, String line);

    OutputSink DISCARD = (s, l) -> {};
}
