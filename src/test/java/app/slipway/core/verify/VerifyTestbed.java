package app.slipway.core.verify;

import app.slipway.core.host.SshSettings;
import app.slipway.core.host.SshTarget;
import app.slipway.core.host.Target;
import app.slipway.e2e.FixtureStack;
import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** Helpers for the verification tests on the real testbed. */
final class VerifyTestbed {
    private VerifyTestbed() {}

    static SshTarget ssh(Testbed tb) {
        return SshTarget.connect(SshSettings.of("root", tb.sshHost(), tb.sshPort())
                .withIdentityFile(tb.sshKey()).withKnownHostsFile(tb.knownHosts()));
    }

    /** The fixture profile with another health timeout, beside the stack (its install.compose stays resolvable). */
    static Path profileWithTimeout(Testbed tb, FixtureStack stack, String timeout) {
        try {
            String text = Files.readString(tb.fixtureProfile());
            String changed = Pattern.compile("(?m)^(\\s+timeout:\\s*)\\S+").matcher(text).replaceFirst("$1" + timeout);
            if (changed.equals(text)) throw new AssertionError("no health timeout in " + tb.fixtureProfile());
            Path copy = stack.directory().resolve("profile-" + timeout + ".yml");
            Files.writeString(copy, changed);
            Files.copy(tb.fixtureDir().resolve("compose.yml"), stack.directory().resolve("compose.yml"));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every match of {@code regex} in the file by the literal {@code replacement}. */
    static void replaceInFile(Path file, String regex, String replacement) {
        try {
            String text = Files.readString(file);
            String changed = Pattern.compile(regex, Pattern.MULTILINE).matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(replacement));
            if (changed.equals(text)) throw new AssertionError(regex + " matched nothing in " + file);
            Files.writeString(file, changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docker-compose in the stack's directory whose failure is part of the scenario: output and exit code. */
    static String composeMayFail(FixtureStack stack, String... args) {
        var argv = new ArrayList<>(List.of("docker-compose"));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).directory(stack.directory().toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return "exit " + p.waitFor() + ": " + out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The target, counting the TCP streams opened through it: proof the probe went that way. */
    static Target countingOpenTcp(Target target, AtomicInteger opened) {
        return (Target) Proxy.newProxyInstance(Target.class.getClassLoader(), new Class<?>[] {Target.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("openTcp")) opened.incrementAndGet();
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
