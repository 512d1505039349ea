package app.slipway.core.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one output stream of a running command to its end: every complete line goes to the sink
 * as it arrives (a trailing CR is dropped), and all bytes are kept for the {@link ExecResult}.
 */
final class LinePump {
    private final InputStream in;
    private final OutputSink.Stream stream;
    private final OutputSink sink;
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LinePump(InputStream in, OutputSink.Stream stream, OutputSink sink) {
        this.in = in;
        this.stream = stream;
        this.sink = sink;
    }

    /** Reads to end of stream; an I/O error ends the reading like end of stream would. */
    String run() {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                all.write(buf, 0, n);
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, start, i - start);
                        emit();
                        start = i + 1;
                    }
                }
                line.write(buf, start, n - start);
            }
        } catch (IOException e) {
            // The stream was closed under us (process killed, channel dropped): keep what we have.
        }
        if (line.size() > 0) {
            emit();
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Runs {@link #run()} on a daemon thread; {@link Running#join()} gives the captured text. */
    Running start(String threadName) {
        var running = new Running();
        Thread t = new Thread(() -> running.text = run(), threadName);
        t.setDaemon(true);
        running.thread = t;
        t.start();
        return running;
    }

    private void emit() {
        byte[] b = line.toByteArray();
        int len = b.length;
        if (len > 0 && b[len - 1] == '\r') len--;
        line.reset();
        sink.line(stream, new String(b, 0, len, StandardCharsets.UTF_8));
    }

    /** A sink safe to call from the stdout and stderr threads at once. */
    static OutputSink serialized(OutputSink sink) {
        Object lock = new Object();
        return (s, l) -> {
            synchronized (lock) {
                sink.line(s, l);
            }
        };
    }

    static final class Running {
        private Thread thread;
        private volatile String text = "";

        String join() throws InterruptedException {
            thread.join();
            return text;
        }
    }
}
